using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>
/// A real <see cref="NotificationDispatcher"/> on a SQLite state file with channels built from configuration keys
/// (as the collector binds them) and a <see cref="FakeTimeProvider"/> for back-off and give-up time.
/// </summary>
internal sealed class DispatcherHarness : IAsyncDisposable
{
    private bool _stopped;

    private DispatcherHarness(string databasePath, NotificationOptions options, FakeTimeProvider time)
    {
        Time = time;
        Options = options;
        Store = new NotificationStore(new StateDatabase(databasePath));
        Channels = new NotificationChannels(Microsoft.Extensions.Options.Options.Create(options), time);
        Dispatcher = new NotificationDispatcher(Store, Channels, Microsoft.Extensions.Options.Options.Create(options), time, Metrics, Log);
    }

    public FakeTimeProvider Time { get; }

    public NotificationOptions Options { get; }

    public NotificationStore Store { get; }

    public NotificationChannels Channels { get; }

    public NotificationDispatcher Dispatcher { get; }

    public NotificationMetrics Metrics { get; } = new();

    public ListLogger<NotificationDispatcher> Log { get; } = new();

    /// <summary>Binds <c>Notifications:*</c> keys, checks them with the validator, starts the dispatcher.</summary>
    public static async Task<DispatcherHarness> StartAsync(string databasePath, IDictionary<string, string?> settings, FakeTimeProvider? time = null)
    {
        var options = Bind(settings);
        var problems = new NotificationOptionsValidator().Validate(null, options);
        Assert.True(problems.Succeeded, problems.FailureMessage);
        var harness = new DispatcherHarness(databasePath, options, time ?? new FakeTimeProvider(DateTimeOffset.UtcNow));
        await harness.Dispatcher.StartAsync(CancellationToken.None);
        return harness;
    }

    public static NotificationOptions Bind(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new NotificationOptions();
        configuration.GetSection(NotificationOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>Waits until the notification's deliveries are all in a final state, moving fake time on meanwhile.</summary>
    public Task UntilSettledAsync(string notificationId, TimeSpan step) =>
        Poll.UntilAsync(() =>
        {
            var deliveries = Store.Deliveries(notificationId);
            if (deliveries.Count > 0 && deliveries.All(d => d.State != DeliveryState.Pending))
            {
                return true;
            }

            Time.Advance(step);
            return false;
        }, TimeSpan.FromSeconds(60), $"the deliveries of {notificationId} to settle");

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Dispatcher.StopAsync(CancellationToken.None);
            Dispatcher.Dispose();
            Channels.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

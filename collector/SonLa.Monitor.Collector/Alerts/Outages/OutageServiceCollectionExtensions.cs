using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts.Outages;

public static class OutageServiceCollectionExtensions
{
    /// <summary>
    /// The outage history: <see cref="IOutageRecorder"/> (also a batch and presence observer), its store and its timer.
    /// Sends through the <see cref="INotificationDispatcher"/> when one is registered.
    /// </summary>
    public static IServiceCollection AddOutages(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutageOptions>()
            .Bind(configuration.GetSection(OutageOptions.SectionName))
            .Configure(o =>
            {
                if (configuration[OutageOptions.TimeZoneKey] is { Length: > 0 } zone)
                {
                    o.TimeZone = zone;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutageOptions>, OutageOptionsValidator>();
        services.AddSingleton<OutageStore>();
        services.AddSingleton(sp => new OutageRecorder(
            sp.GetRequiredService<OutageStore>(),
            sp.GetService<INotificationDispatcher>(),
            sp.GetRequiredService<IOptions<OutageOptions>>(),
            sp.GetRequiredService<IOptions<AccessOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OutageRecorder>>()));
        services.AddSingleton<IOutageRecorder>(sp => sp.GetRequiredService<OutageRecorder>());
        services.AddSingleton<IBatchObserver>(sp => sp.GetRequiredService<OutageRecorder>());
        services.AddSingleton<ISitePresenceObserver>(sp => sp.GetRequiredService<OutageRecorder>());
        services.AddHostedService<OutageService>();
        return services;
    }
}

using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Notifications.Channels;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>The configured channels, built once from <c>Notifications:Channels</c>, and the HTTP client they share.</summary>
public sealed class NotificationChannels : IDisposable
{
    private readonly HttpClient? _http;

    public NotificationChannels(IReadOnlyList<INotificationChannel> channels)
    {
        All = channels;
    }

    public NotificationChannels(IOptions<NotificationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // A signed webhook is not re-sent to wherever a redirect points; Telegram and Zalo do not redirect.
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(value.TimeoutSeconds),
        })
        {
            // Each attempt has its own timeout (Notifications:TimeoutSeconds).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("sonla-collector");
        All = NotificationChannelFactory.Create(value, _http, time);
    }

    public IReadOnlyList<INotificationChannel> All { get; }

    public void Dispose() => _http?.Dispose();
}

using SonLa.Monitor.Collector.Notifications.Channels;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Builds channels from validated options; a channel the validator refuses is left out (start-up reports it).</summary>
public static class NotificationChannelFactory
{
    public static IReadOnlyList<INotificationChannel> Create(NotificationOptions options, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var channels = new List<INotificationChannel>();
        foreach (var o in options.Channels)
        {
            var channel = Create(o, http, timeout, time);
            if (channel is not null)
            {
                channels.Add(channel);
            }
        }

        return channels;
    }

    private static INotificationChannel? Create(NotificationChannelOptions o, HttpClient http, TimeSpan timeout, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            return null;
        }

        var name = o.Name.Trim();
        var route = NotificationRoute.From(o);
        var language = NotificationLanguage.IsEnglish(o.Language) ? NotificationLanguage.English : NotificationLanguage.Vietnamese;
        switch (NotificationChannelType.Normalize(o.Type))
        {
            case NotificationChannelType.Webhook when Absolute(o.Url) is { } url && o.Secret is { IsEmpty: false } secret:
                return new WebhookChannel(name, route, language, url, secret.Reveal(), http, timeout, time);
            case NotificationChannelType.Telegram when o.Token is { IsEmpty: false } token && o.ChatIds.Count > 0:
                return new TelegramChannel(name, route, language, Absolute(o.BaseUrl) ?? new Uri(TelegramChannel.DefaultBaseUrl),
                    token.Reveal(), Trimmed(o.ChatIds), http, timeout);
            case NotificationChannelType.Zalo when o.AccessToken is { IsEmpty: false } accessToken && o.UserIds.Count > 0:
                return new ZaloChannel(name, route, language, Absolute(o.BaseUrl) ?? new Uri(ZaloChannel.DefaultBaseUrl),
                    accessToken.Reveal(), Trimmed(o.UserIds), http, timeout);
            case NotificationChannelType.Email when !string.IsNullOrWhiteSpace(o.Host) && !string.IsNullOrWhiteSpace(o.From) && o.To.Count > 0:
                _ = NotificationOptionsValidator.TryParseSecurity(o.Security, out var security);
                return new EmailChannel(name, route, language, new EmailSettings
                {
                    Host = o.Host.Trim(),
                    Port = o.Port ?? (security == EmailSecurity.SslOnConnect ? EmailChannel.DefaultSslOnConnectPort : EmailChannel.DefaultPort),
                    Security = security,
                    Username = string.IsNullOrWhiteSpace(o.Username) ? null : o.Username,
                    Password = o.Password?.Reveal(),
                    From = o.From.Trim(),
                    To = Trimmed(o.To),
                    CaCertificatePath = string.IsNullOrWhiteSpace(o.CaCertificate) || !File.Exists(o.CaCertificate) ? null : o.CaCertificate,
                }, timeout);
            default:
                return null;
        }
    }

    private static Uri? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    private static List<string> Trimmed(List<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
}

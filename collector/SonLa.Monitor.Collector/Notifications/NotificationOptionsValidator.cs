using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Checks <c>Notifications</c>: every problem, with the key of the bad value, at once. Never echoes a secret.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        const string section = NotificationOptions.SectionName;
        Range(builder, options.RetryInitialSeconds, 1, 3600, $"{section}:RetryInitialSeconds");
        Range(builder, options.RetryMaxSeconds, Math.Max(1, options.RetryInitialSeconds), 86_400, $"{section}:RetryMaxSeconds");
        Range(builder, options.GiveUpAfterHours, 1, 24 * 30, $"{section}:GiveUpAfterHours");
        Range(builder, options.TimeoutSeconds, 1, 300, $"{section}:TimeoutSeconds");
        Range(builder, options.MaxConcurrentDeliveries, 1, 256, $"{section}:MaxConcurrentDeliveries");
        Range(builder, options.LogRetentionDays, 1, 3650, $"{section}:LogRetentionDays");
        Range(builder, options.LogMaxAttempts, 100, 10_000_000, $"{section}:LogMaxAttempts");

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Channels.Count; i++)
        {
            var channel = options.Channels[i];
            var key = $"{section}:Channels:{i}";
            if (string.IsNullOrWhiteSpace(channel.Name))
            {
                builder.AddKeyError("must not be empty", $"{key}:Name");
            }
            else if (!names.TryAdd(channel.Name.Trim(), i))
            {
                builder.AddKeyError($"'{channel.Name}' is already used by {section}:Channels:{names[channel.Name.Trim()]}", $"{key}:Name");
            }

            CheckRoute(builder, channel, key);
            switch (NotificationChannelType.Normalize(channel.Type))
            {
                case NotificationChannelType.Webhook:
                    CheckUrl(builder, channel.Url, $"{key}:Url", required: true);
                    CheckSecret(builder, channel.Secret, $"{key}:Secret");
                    break;
                case NotificationChannelType.Telegram:
                    CheckUrl(builder, channel.BaseUrl, $"{key}:BaseUrl", required: false);
                    CheckSecret(builder, channel.Token, $"{key}:Token");
                    CheckList(builder, channel.ChatIds, $"{key}:ChatIds", "Telegram chat id");
                    break;
                case NotificationChannelType.Zalo:
                    CheckUrl(builder, channel.BaseUrl, $"{key}:BaseUrl", required: false);
                    CheckSecret(builder, channel.AccessToken, $"{key}:AccessToken");
                    CheckList(builder, channel.UserIds, $"{key}:UserIds", "Zalo user id (a follower of the Official Account)");
                    break;
                case NotificationChannelType.Email:
                    CheckEmail(builder, channel, key);
                    break;
                default:
                    builder.AddKeyError(
                        string.IsNullOrWhiteSpace(channel.Type)
                            ? $"must be one of {string.Join(", ", NotificationChannelType.All)}"
                            : $"'{channel.Type}' is not one of {string.Join(", ", NotificationChannelType.All)}",
                        $"{key}:Type");
                    break;
            }
        }

        return builder.Build();
    }

    private static void CheckRoute(ValidateOptionsResultBuilder builder, NotificationChannelOptions channel, string key)
    {
        if (!NotificationLanguage.IsKnown(channel.Language))
        {
            builder.AddKeyError($"'{channel.Language}' is not one of vi, en", $"{key}:Language");
        }

        if (!NotificationRoute.TryParseSeverity(channel.MinSeverity, out _))
        {
            builder.AddKeyError($"'{channel.MinSeverity}' is not one of {string.Join(", ", Enum.GetNames<NotificationSeverity>())}", $"{key}:MinSeverity");
        }

        for (var k = 0; k < channel.Kinds.Count; k++)
        {
            if (!NotificationRoute.TryParseKind(channel.Kinds[k], out _))
            {
                builder.AddKeyError($"'{channel.Kinds[k]}' is not one of {string.Join(", ", Enum.GetNames<NotificationKind>())}", $"{key}:Kinds:{k}");
            }
        }

        for (var r = 0; r < channel.Rules.Count; r++)
        {
            if (string.IsNullOrWhiteSpace(channel.Rules[r]))
            {
                builder.AddKeyError("must not be empty (leave Rules out to get every rule)", $"{key}:Rules:{r}");
            }
        }

        for (var d = 0; d < channel.Districts.Count; d++)
        {
            if (string.IsNullOrWhiteSpace(channel.Districts[d]))
            {
                builder.AddKeyError("must not be empty (leave Districts out to get every district)", $"{key}:Districts:{d}");
            }
        }
    }

    private static void CheckEmail(ValidateOptionsResultBuilder builder, NotificationChannelOptions channel, string key)
    {
        if (string.IsNullOrWhiteSpace(channel.Host))
        {
            builder.AddKeyError("must name the SMTP server", $"{key}:Host");
        }

        if (channel.Port is { } port && (port < 1 || port > 65535))
        {
            builder.AddKeyError("must be between 1 and 65535", $"{key}:Port");
        }

        if (!TryParseSecurity(channel.Security, out var security))
        {
            builder.AddKeyError($"'{channel.Security}' is not one of {string.Join(", ", Enum.GetNames<EmailSecurity>())}", $"{key}:Security");
        }
        else if (security == EmailSecurity.None && !string.IsNullOrWhiteSpace(channel.Host) && !IsLoopback(channel.Host))
        {
            builder.AddKeyError("None (no TLS) is allowed for a loopback Host only; use StartTls or SslOnConnect", $"{key}:Security");
        }

        if (!string.IsNullOrWhiteSpace(channel.Username) && (channel.Password is null || channel.Password.IsEmpty))
        {
            builder.AddKeyError("must be set when Username is", $"{key}:Password");
        }

        CheckAddress(builder, channel.From, $"{key}:From");
        if (channel.To.Count == 0)
        {
            builder.AddKeyError("must list at least one address", $"{key}:To");
        }

        for (var t = 0; t < channel.To.Count; t++)
        {
            CheckAddress(builder, channel.To[t], $"{key}:To:{t}");
        }

        if (!string.IsNullOrWhiteSpace(channel.CaCertificate))
        {
            if (!File.Exists(channel.CaCertificate))
            {
                builder.AddKeyError($"file '{channel.CaCertificate}' not found", $"{key}:CaCertificate");
            }
            else if (!Channels.EmailChannel.TryLoadRoots(channel.CaCertificate, out _))
            {
                builder.AddKeyError($"file '{channel.CaCertificate}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", $"{key}:CaCertificate");
            }
        }
    }

    public static bool TryParseSecurity(string? text, out EmailSecurity security)
    {
        security = EmailSecurity.StartTls;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        return Enum.GetNames<EmailSecurity>().Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)) &&
               Enum.TryParse(trimmed, ignoreCase: true, out security);
    }

    internal static bool IsLoopback(string host)
    {
        var trimmed = host.Trim().Trim('[', ']');
        return string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase) ||
               (IPAddress.TryParse(trimmed, out var address) && IPAddress.IsLoopback(address));
    }

    private static void CheckAddress(ValidateOptionsResultBuilder builder, string? address, string key)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            builder.AddKeyError("must be an e-mail address", key);
        }
        else if (!MimeKit.MailboxAddress.TryParse(address, out _))
        {
            builder.AddKeyError($"'{address}' is not an e-mail address", key);
        }
    }

    private static void CheckUrl(ValidateOptionsResultBuilder builder, string? url, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (required)
            {
                builder.AddKeyError("must be an http:// or https:// URL", key);
            }

            return;
        }

        // The URL may carry a token (query string): say what is wrong, not what it is.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            builder.AddKeyError("must be an absolute http:// or https:// URL", key);
        }
    }

    private static void CheckSecret(ValidateOptionsResultBuilder builder, Secret? secret, string key)
    {
        if (secret is null || secret.IsEmpty)
        {
            builder.AddKeyError("must not be empty", key);
        }
    }

    private static void CheckList(ValidateOptionsResultBuilder builder, List<string> values, string key, string what)
    {
        if (values.Count == 0)
        {
            builder.AddKeyError($"must list at least one {what}", key);
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                builder.AddKeyError("must not be empty", string.Create(CultureInfo.InvariantCulture, $"{key}:{i}"));
            }
        }
    }

    private static void Range(ValidateOptionsResultBuilder builder, int value, int min, int max, string key)
    {
        if (value < min || value > max)
        {
            builder.AddKeyError(FormattableString.Invariant($"must be between {min} and {max}"), key);
        }
    }
}

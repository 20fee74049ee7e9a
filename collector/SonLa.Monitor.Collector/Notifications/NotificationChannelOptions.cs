using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// One channel (<c>Notifications:Channels:N</c>): its type, its audience (route filter) and the settings of its type.
/// Only the settings of the channel's <see cref="Type"/> are read; secrets are <see cref="Configuration.Secret"/>s.
/// </summary>
public sealed class NotificationChannelOptions
{
    /// <summary>Unique; shown in the delivery log and the metrics' <c>channel</c> label.</summary>
    public string? Name { get; set; }

    /// <summary><c>webhook</c>, <c>telegram</c>, <c>zalo</c> or <c>email</c>.</summary>
    public string? Type { get; set; }

    /// <summary><c>vi</c> (default) or <c>en</c>: which text of the notification this channel sends.</summary>
    public string Language { get; set; } = NotificationLanguage.Vietnamese;

    /// <summary>Rule names this channel gets (<c>link_down</c>, <c>site_offline</c>, <c>site_back</c>, ...); empty = all.</summary>
    public List<string> Rules { get; } = [];

    /// <summary><c>Info</c> (default), <c>Warning</c> or <c>Critical</c>: the lowest severity sent.</summary>
    public string? MinSeverity { get; set; }

    /// <summary>Notification kinds (<c>Firing</c>, <c>Resolved</c>, <c>Flapping</c>, <c>Reminder</c>, <c>SiteBack</c>, <c>Rollup</c>); empty = all.</summary>
    public List<string> Kinds { get; } = [];

    /// <summary>Districts (<c>Sites:N:District</c>) this channel gets; empty = all, including province roll-ups.</summary>
    public List<string> Districts { get; } = [];

    // webhook
    public string? Url { get; set; }

    /// <summary>Webhook: the HMAC-SHA256 key of the X-SonLa-Signature header.</summary>
    public Secret? Secret { get; set; }

    // telegram, zalo
    /// <summary>Telegram: https://api.telegram.org; Zalo: https://openapi.zalo.me. Tests point it at a local receiver.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Telegram bot token (it goes in the request path; never logged).</summary>
    public Secret? Token { get; set; }

    /// <summary>Telegram chats (user, group or channel ids); one delivery each.</summary>
    public List<string> ChatIds { get; } = [];

    /// <summary>Zalo Official Account access token (the <c>access_token</c> header).</summary>
    public Secret? AccessToken { get; set; }

    /// <summary>Zalo user ids (followers of the OA); one delivery each.</summary>
    public List<string> UserIds { get; } = [];

    // email
    public string? Host { get; set; }

    /// <summary>SMTP port; default 587 (StartTls, None) or 465 (SslOnConnect).</summary>
    public int? Port { get; set; }

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, or <c>None</c> (loopback hosts only).</summary>
    public string? Security { get; set; }

    public string? Username { get; set; }

    public Secret? Password { get; set; }

    public string? From { get; set; }

    public List<string> To { get; } = [];

    /// <summary>PEM file of a private CA that signed the SMTP server's certificate (the system store is trusted too).</summary>
    public string? CaCertificate { get; set; }
}

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// One message for people, produced by the alert engine and handed to <see cref="INotificationDispatcher"/>,
/// which routes it to channels (webhook, Telegram, Zalo, e-mail) by rule, severity and district.
/// <see cref="Id"/> is the deduplication key: the same Id is delivered at most once per channel, even across
/// collector restarts (e.g. <c>alert-42-firing</c>, <c>alert-42-resolved</c>, <c>siteback-chieng-coi-1764254100</c>).
/// Text comes in Vietnamese (the default) and English; channels pick by their configured language.
/// </summary>
public sealed record Notification
{
    public required string Id { get; init; }

    public required NotificationKind Kind { get; init; }

    /// <summary>The alert rule (<c>site_offline</c>, <c>link_down</c>, ...), or <c>site_back</c> / <c>rollup</c>.</summary>
    public required string Rule { get; init; }

    public required NotificationSeverity Severity { get; init; }

    /// <summary>Site id; empty for a province-wide roll-up.</summary>
    public required string SiteId { get; init; }

    public string? SiteName { get; init; }

    public string? District { get; init; }

    public string? Device { get; init; }

    public string? Interface { get; init; }

    /// <summary>The alert this is about, when there is one.</summary>
    public long? AlertId { get; init; }

    /// <summary>When the condition happened (not when it is sent): e.g. when the site went offline.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>One line, e.g. "Xã Chiềng Cơi: mất kết nối từ 14:35".</summary>
    public required string TitleVi { get; init; }

    /// <summary>The whole message (may be several lines: a timeline).</summary>
    public required string TextVi { get; init; }

    public required string TitleEn { get; init; }

    public required string TextEn { get; init; }

    /// <summary>Machine-readable extras for the webhook payload (cause, timeline entries, counts...).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

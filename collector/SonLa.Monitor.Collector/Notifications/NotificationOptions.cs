namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Where notifications go and how hard the collector tries (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    public const int DefaultRetryInitialSeconds = 5;
    public const int DefaultRetryMaxSeconds = 600;
    public const int DefaultGiveUpAfterHours = 24;
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultMaxConcurrentDeliveries = 8;
    public const int DefaultLogRetentionDays = 30;
    public const int DefaultLogMaxAttempts = 100_000;

    public List<NotificationChannelOptions> Channels { get; } = [];

    /// <summary>First retry after this many seconds; each further retry waits twice as long (with jitter).</summary>
    public int RetryInitialSeconds { get; set; } = DefaultRetryInitialSeconds;

    /// <summary>Back-off cap between two attempts.</summary>
    public int RetryMaxSeconds { get; set; } = DefaultRetryMaxSeconds;

    /// <summary>A delivery still failing this long after the notification was enqueued is given up (logged, counted).</summary>
    public int GiveUpAfterHours { get; set; } = DefaultGiveUpAfterHours;

    /// <summary>Per attempt: connect, send and answer (HTTP request or SMTP session).</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Attempts in flight at once, so one slow channel never holds the others back.</summary>
    public int MaxConcurrentDeliveries { get; set; } = DefaultMaxConcurrentDeliveries;

    /// <summary>Finished notifications and delivery-log rows older than this are pruned (this is also the deduplication window).</summary>
    public int LogRetentionDays { get; set; } = DefaultLogRetentionDays;

    /// <summary>The delivery log keeps at most this many attempts (the newest).</summary>
    public int LogMaxAttempts { get; set; } = DefaultLogMaxAttempts;
}

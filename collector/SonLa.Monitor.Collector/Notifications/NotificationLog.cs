namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Log lines of the notification dispatcher (event ids 1500-1599). Channel names only: never a URL or a secret.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(1500, LogLevel.Information, "Notifications: {Channels} channel(s) configured: {Names}")]
    public static partial void Configured(ILogger logger, int channels, string names);

    [LoggerMessage(1501, LogLevel.Debug, "Notification {Id} ({Rule}, {Kind}) routed to {Deliveries} delivery(ies)")]
    public static partial void Enqueued(ILogger logger, string id, string rule, string kind, int deliveries);

    [LoggerMessage(1502, LogLevel.Debug, "Notification {Id} already enqueued; ignored")]
    public static partial void Duplicate(ILogger logger, string id);

    [LoggerMessage(1503, LogLevel.Information, "Notification {Id} delivered by {Channel} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string id, string channel, int attempts);

    [LoggerMessage(1504, LogLevel.Warning, "Notification {Id} to {Channel}: attempt {Attempt} failed ({Error}); retried with back-off until delivered or given up (each attempt is in the delivery log)")]
    public static partial void FirstAttemptFailed(ILogger logger, string id, string channel, int attempt, string error);

    [LoggerMessage(1511, LogLevel.Debug, "Notification {Id} to {Channel}: attempt {Attempt} failed ({Error}); next attempt in {DelaySeconds} s")]
    public static partial void Retrying(ILogger logger, string id, string channel, int attempt, string error, long delaySeconds);

    [LoggerMessage(1505, LogLevel.Error, "Notification {Id} to {Channel} refused for good after {Attempts} attempt(s): {Error}; not retried")]
    public static partial void Refused(ILogger logger, string id, string channel, int attempts, string error);

    [LoggerMessage(1506, LogLevel.Error, "Notification {Id} to {Channel} given up after {Attempts} attempt(s) over {Hours:0.#} h: {Error}")]
    public static partial void GivenUp(ILogger logger, string id, string channel, int attempts, double hours, string error);

    [LoggerMessage(1507, LogLevel.Warning, "Notification {Id}: delivery to {Channel} abandoned: {Reason}")]
    public static partial void Abandoned(ILogger logger, string id, string channel, string reason);

    [LoggerMessage(1508, LogLevel.Error, "Notification dispatcher: {ErrorType}: {Reason}; it carries on in {DelaySeconds} s")]
    public static partial void LoopFailed(ILogger logger, string errorType, string reason, int delaySeconds);

    [LoggerMessage(1509, LogLevel.Information, "Notifications: pruned {Notifications} old notification(s) and {Attempts} delivery-log row(s)")]
    public static partial void Pruned(ILogger logger, int notifications, int attempts);

    [LoggerMessage(1510, LogLevel.Debug, "Notification {Id} ({Rule}, {Kind}) matched no channel's route")]
    public static partial void Unrouted(ILogger logger, string id, string rule, string kind);
}

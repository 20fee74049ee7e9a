namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The alert engine's log lines (event ids 5000-5099). State changes only, never per sample.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(5000, LogLevel.Information, "Alert {AlertId} {Rule} firing for site {SiteId} device {Device} interface {Interface}")]
    public static partial void Fired(ILogger logger, long alertId, string rule, string siteId, string device, string @interface);

    [LoggerMessage(5001, LogLevel.Information, "Alert {AlertId} {Rule} resolved for site {SiteId}")]
    public static partial void Resolved(ILogger logger, long alertId, string rule, string siteId);

    [LoggerMessage(5002, LogLevel.Information, "Alert {AlertId} {Rule} of site {SiteId} is flapping")]
    public static partial void Flapping(ILogger logger, long alertId, string rule, string siteId);

    [LoggerMessage(5003, LogLevel.Warning, "Alert {AlertId}: notification {NotificationId} not queued ({ErrorType}: {Reason}); tried again at the next evaluation")]
    public static partial void NotifyFailed(ILogger logger, long alertId, string notificationId, string errorType, string reason);

    [LoggerMessage(5004, LogLevel.Warning, "Alert engine input queue full: {Dropped} input(s) dropped so far")]
    public static partial void InputDropped(ILogger logger, long dropped);

    [LoggerMessage(5005, LogLevel.Error, "Alert engine failed on {Input} ({ErrorType}: {Reason}); it goes on with the next input")]
    public static partial void InputFailed(ILogger logger, string input, string errorType, string reason);

    [LoggerMessage(5006, LogLevel.Information, "Alert engine started: {Active} active alert(s) and {Windows} maintenance window(s) loaded")]
    public static partial void Started(ILogger logger, int active, int windows);

    [LoggerMessage(5007, LogLevel.Warning, "No notification dispatcher is registered: alerts are recorded but nobody is told")]
    public static partial void NoDispatcher(ILogger logger);

    [LoggerMessage(5008, LogLevel.Information, "Alert {AlertId} acknowledged by {User}")]
    public static partial void Acknowledged(ILogger logger, long alertId, string user);
}

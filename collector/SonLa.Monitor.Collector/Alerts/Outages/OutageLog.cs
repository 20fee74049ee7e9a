namespace SonLa.Monitor.Collector.Alerts.Outages;

internal static partial class OutageLog
{
    [LoggerMessage(1600, LogLevel.Information, "Outage of site {SiteId} opened: silent since {Since:O}")]
    public static partial void Opened(ILogger logger, string siteId, DateTimeOffset since);

    [LoggerMessage(1601, LogLevel.Information, "Site {SiteId} back at {BackAt:O}: waiting for its backlog before the timeline")]
    public static partial void Back(ILogger logger, string siteId, DateTimeOffset backAt);

    [LoggerMessage(1602, LogLevel.Information,
        "Outage of site {SiteId} closed: class {Class}, {DurationSeconds} s, {BlindSeconds} s without data, {Entries} timeline entries from {Batches} backlog batches{Note}")]
    public static partial void Closed(ILogger logger, string siteId, string @class, long durationSeconds, long blindSeconds, int entries, int batches, string note);

    [LoggerMessage(1603, LogLevel.Warning, "No notification dispatcher is registered: site-back and roll-up messages are recorded but not sent")]
    public static partial void NoDispatcher(ILogger logger);

    [LoggerMessage(1604, LogLevel.Information, "Province roll-up sent: {Sites} of {Total} sites dark")]
    public static partial void RollupSent(ILogger logger, int sites, int total);

    [LoggerMessage(1605, LogLevel.Error, "Outage history failed ({Operation}); it carries on")]
    public static partial void Failed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(1606, LogLevel.Information, "Picked up {Count} unclosed outage(s) from the state database")]
    public static partial void Resumed(ILogger logger, int count);
}

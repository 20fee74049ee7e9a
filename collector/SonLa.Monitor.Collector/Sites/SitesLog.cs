namespace SonLa.Monitor.Collector.Sites;

/// <summary>The sites board's log lines.</summary>
internal static partial class SitesLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Cannot read site_last_seen ({ErrorType}: {Error}); every site starts as never seen")]
    public static partial void LastSeenLoadFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Cannot write site_last_seen for {Count} sites ({ErrorType}: {Error}); retried later")]
    public static partial void LastSeenSaveFailed(ILogger logger, int count, string errorType, string error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "A live client fell {Count} messages behind; its stream is closed (the browser reconnects)")]
    public static partial void LiveSubscriberTooSlow(ILogger logger, int count);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "The sites board loop failed ({ErrorType}: {Error}); it goes on")]
    public static partial void LoopFailed(ILogger logger, string errorType, string error);
}

namespace SonLa.Monitor.Collector.History;

internal static partial class HistoryLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "History query failed: {Reason}")]
    public static partial void QueryFailed(ILogger logger, string reason);
}

using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

public static partial class AgentLog
{
    [LoggerMessage(1770, LogLevel.Information, "Self-check done: status {Status}, {Warnings} warning(s), {Failures} failure(s); queued for the collector")]
    public static partial void SelfCheckCompleted(ILogger logger, int status, int warnings, int failures);

    [LoggerMessage(1771, LogLevel.Information, "Status page on http://{Listen}/")]
    public static partial void StatusPageListening(ILogger logger, string listen);

    [LoggerMessage(1772, LogLevel.Information, "Self-check requested by the collector (request {RequestId})")]
    public static partial void SelfCheckRequested(ILogger logger, string requestId);

    [LoggerMessage(1773, LogLevel.Warning, "Self-check request {RequestId} from the collector refused: the previous one was less than {MinIntervalSeconds} s ago ({Refused} refused so far; further refusals are counted, not logged, until a request is accepted)")]
    public static partial void SelfCheckRequestRefused(ILogger logger, string requestId, int minIntervalSeconds, long refused);

    [LoggerMessage(1774, LogLevel.Warning, "Self-check requested by the collector (request {RequestId}) failed: {ErrorType}: {Message}")]
    public static partial void SelfCheckRequestFailed(ILogger logger, string requestId, string errorType, string message);
}

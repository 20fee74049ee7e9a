using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

public static partial class AgentLog
{
    [LoggerMessage(1770, LogLevel.Information, "Self-check done: status {Status}, {Warnings} warning(s), {Failures} failure(s); queued for the collector")]
    public static partial void SelfCheckCompleted(ILogger logger, int status, int warnings, int failures);

    [LoggerMessage(1771, LogLevel.Information, "Status page on http://{Listen}/")]
    public static partial void StatusPageListening(ILogger logger, string listen);
}

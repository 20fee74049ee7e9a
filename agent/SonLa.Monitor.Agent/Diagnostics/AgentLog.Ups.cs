using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

public static partial class AgentLog
{
    [LoggerMessage(1660, LogLevel.Warning, "UPS {Device}: {Message}")]
    public static partial void UpsPowerLost(ILogger logger, string device, string message);

    [LoggerMessage(1661, LogLevel.Information, "UPS {Device}: {Message}")]
    public static partial void UpsPowerRestored(ILogger logger, string device, string message);
}

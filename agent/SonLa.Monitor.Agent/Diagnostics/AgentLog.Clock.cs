using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

public static partial class AgentLog
{
    [LoggerMessage(1500, LogLevel.Warning, "Agent clock jumped {Seconds:0.0} s against the monotonic clock ({Jumps} jump(s) since start); timestamps uncorrected until the collector is reached")]
    public static partial void ClockJumped(ILogger logger, double seconds, long jumps);

    [LoggerMessage(1501, LogLevel.Warning, "Agent clock is {OffsetSeconds:0.000} s off the collector's; sample timestamps now corrected by {CorrectionSeconds:0.000} s")]
    public static partial void ClockCorrected(ILogger logger, double offsetSeconds, double correctionSeconds);
}

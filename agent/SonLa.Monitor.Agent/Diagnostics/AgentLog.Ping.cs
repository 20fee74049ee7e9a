using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

public static partial class AgentLog
{
    [LoggerMessage(1670, LogLevel.Information, "Ping {Target} ({Host}): every {IntervalSeconds} s, {Count} request(s), timeout {TimeoutMilliseconds} ms")]
    public static partial void PingStarted(ILogger logger, string target, string host, int intervalSeconds, int count, int timeoutMilliseconds);

    [LoggerMessage(1671, LogLevel.Warning, "Ping {Target} ({Address}): no answer to {Sent} request(s){Reason}")]
    public static partial void PingNoAnswer(ILogger logger, string target, string address, int sent, string reason);

    [LoggerMessage(1672, LogLevel.Information, "Ping {Target} ({Address}): answering again, {RttMilliseconds:0.###} ms")]
    public static partial void PingAnswering(ILogger logger, string target, string address, double rttMilliseconds);

    [LoggerMessage(1673, LogLevel.Error, "Ping {Target}: cannot send ICMP echo: {Reason}")]
    public static partial void PingUnavailable(ILogger logger, string target, string reason);

    [LoggerMessage(1674, LogLevel.Warning, "Ping {Target}: cannot resolve {Host}: {Reason}")]
    public static partial void PingResolveFailed(ILogger logger, string target, string host, string reason);

    [LoggerMessage(1675, LogLevel.Information, "Ping {Target} ({Address}): {SocketKind} ICMP socket")]
    public static partial void PingSocketKind(ILogger logger, string target, string address, string socketKind);
}

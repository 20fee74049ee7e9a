using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

/// <summary>
/// Every log line of the long-running agent, with stable event ids. State changes are logged (a device became
/// unreachable, the collector connected), not every failed poll. Nothing here takes a secret.
/// </summary>
public static partial class AgentLog
{
    [LoggerMessage(1000, LogLevel.Information, "sonla-agent {Version} starting for site {SiteId}: {DeviceCount} device(s), collector {CollectorUrl}, boot id {BootId}")]
    public static partial void Starting(ILogger logger, string version, string siteId, int deviceCount, Uri? collectorUrl, string bootId);

    [LoggerMessage(1001, LogLevel.Warning, "Configuration: {Warning}")]
    public static partial void ConfigurationWarning(ILogger logger, string warning);

    [LoggerMessage(1003, LogLevel.Critical, "sonla-agent stopped on a fatal error: {ErrorType}: {Message}")]
    public static partial void Fatal(ILogger logger, string errorType, string message);

    [LoggerMessage(1002, LogLevel.Information, "sonla-agent stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(1100, LogLevel.Information, "Polling device {Device} ({Endpoint}, SNMP {Version}) every {IntervalSeconds} s")]
    public static partial void PollingStarted(ILogger logger, string device, string endpoint, string version, int intervalSeconds);

    [LoggerMessage(1101, LogLevel.Warning, "Device {Device} is unreachable: {Reason}")]
    public static partial void DeviceUnreachable(ILogger logger, string device, string reason);

    [LoggerMessage(1102, LogLevel.Information, "Device {Device} is reachable again")]
    public static partial void DeviceReachable(ILogger logger, string device);

    [LoggerMessage(1103, LogLevel.Warning, "Device {Device} rebooted (sysUpTime went back)")]
    public static partial void DeviceRebooted(ILogger logger, string device);

    [LoggerMessage(1104, LogLevel.Warning, "Device {Device}: previous poll still running, tick skipped ({Skipped} skipped so far)")]
    public static partial void PollSkipped(ILogger logger, string device, long skipped);

    [LoggerMessage(1105, LogLevel.Information, "Device {Device}: partial poll: {Reason}")]
    public static partial void PartialPoll(ILogger logger, string device, string reason);

    [LoggerMessage(1106, LogLevel.Warning, "Device {Device}: {Count} rate(s) refused as {Outcome} (dropped and counted, not emitted)")]
    public static partial void RatesRefused(ILogger logger, string device, int count, string outcome);

    [LoggerMessage(1107, LogLevel.Error, "Device {Device}: poll failed unexpectedly")]
    public static partial void PollCrashed(ILogger logger, string device, Exception exception);

    [LoggerMessage(1108, LogLevel.Warning, "Device {Device}: {Reason}")]
    public static partial void DeviceSnmpV3Failure(ILogger logger, string device, string reason);

    [LoggerMessage(1109, LogLevel.Warning, "Devices {FirstDevice} ({FirstEndpoint}) and {SecondDevice} ({SecondEndpoint}) report the same SNMPv3 engine id {EngineId}: cloned configuration? Give each device its own engineID, or polling and traps of both may fail")]
    public static partial void DuplicateEngineId(ILogger logger, string firstDevice, string firstEndpoint, string secondDevice, string secondEndpoint, string engineId);

    [LoggerMessage(1200, LogLevel.Information, "Connected to collector {Url} (heartbeat every {HeartbeatSeconds} s, {Pending} batch(es) waiting)")]
    public static partial void CollectorConnected(ILogger logger, Uri url, int heartbeatSeconds, int pending);

    [LoggerMessage(1201, LogLevel.Warning, "Disconnected from collector {Url}: {Reason}; retrying in {DelaySeconds:0.0} s")]
    public static partial void CollectorDisconnected(ILogger logger, Uri url, string reason, double delaySeconds);

    [LoggerMessage(1205, LogLevel.Information, "Collector {Url}: closing the stream, stopping")]
    public static partial void CollectorStreamStopping(ILogger logger, Uri url);

    [LoggerMessage(1204, LogLevel.Warning, "Cannot reach collector {Url}: {Reason}; retrying in {DelaySeconds:0.0} s (data waits in the outbox)")]
    public static partial void CollectorUnreachable(ILogger logger, Uri url, string reason, double delaySeconds);

    [LoggerMessage(1202, LogLevel.Debug, "Collector {Url} still unreachable: {Reason}; retrying in {DelaySeconds:0.0} s")]
    public static partial void CollectorStillUnreachable(ILogger logger, Uri url, string reason, double delaySeconds);

    [LoggerMessage(1203, LogLevel.Warning, "Collector rejected batch {BootId}/{Sequence}: {Reason} (dropped, {Rejected} rejected so far)")]
    public static partial void BatchRejected(ILogger logger, string bootId, ulong sequence, string reason, long rejected);

    [LoggerMessage(1300, LogLevel.Warning, "Outbox full ({Batches} batches, {Bytes} bytes): dropped the oldest batch {BootId}/{Sequence} ({Dropped} dropped so far)")]
    public static partial void OutboxOverflow(ILogger logger, int batches, long bytes, string bootId, ulong sequence, long dropped);

    [LoggerMessage(1400, LogLevel.Information, "Receiving SNMP traps on {Endpoint} from {Sources} device address(es): {Communities} communit(ies), {Users} SNMPv3 user(s); our engine id for informs 0x{EngineId}")]
    public static partial void TrapsListening(ILogger logger, string endpoint, int sources, int communities, int users, string engineId);

    [LoggerMessage(1401, LogLevel.Warning, "Traps from {Source} dropped: {Reason} ({Count} so far for this reason; logged at most once a minute per source)")]
    public static partial void TrapsDropped(ILogger logger, string source, string reason, long count);

    [LoggerMessage(1402, LogLevel.Error, "Cannot listen for SNMP traps on {Endpoint}: {Reason} (polling goes on without traps)")]
    public static partial void TrapListenFailed(ILogger logger, string endpoint, string reason);
}

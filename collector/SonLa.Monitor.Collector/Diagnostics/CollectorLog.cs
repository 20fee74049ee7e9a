namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary>Every log line of the collector, with stable event ids. Never pass a secret here.</summary>
internal static partial class CollectorLog
{
    [LoggerMessage(1000, LogLevel.Information, "sonla-collector {Version}: {Agents} agent(s) allowed, writing to InfluxDB {InfluxVersion}.x at {Target}")]
    public static partial void Starting(ILogger logger, string version, int agents, string influxVersion, string target);

    [LoggerMessage(1001, LogLevel.Warning, "{Key} = {Url} is plain HTTP/1.1 only: agents (gRPC) cannot connect there. For h2c on loopback give the gRPC endpoint Protocols = Http2 (Kestrel:Endpoints:NAME:Protocols or Kestrel:EndpointDefaults:Protocols) and keep another endpoint for the web UI")]
    public static partial void CleartextWithoutHttp2(ILogger logger, string key, string url);

    [LoggerMessage(1100, LogLevel.Information, "Agent of site {SiteId} connected from {Peer} (agent {AgentVersion}, boot {BootId})")]
    public static partial void AgentConnected(ILogger logger, string siteId, string peer, string agentVersion, string bootId);

    [LoggerMessage(1101, LogLevel.Information, "Agent of site {SiteId} disconnected")]
    public static partial void AgentDisconnected(ILogger logger, string siteId);

    [LoggerMessage(1107, LogLevel.Warning, "Agent of site {SiteId}: stream failed ({ErrorType}: {Reason}); the agent reconnects and resends")]
    public static partial void AgentStreamFailed(ILogger logger, string siteId, string errorType, string reason);

    [LoggerMessage(1102, LogLevel.Warning, "Agent connection from {Peer} refused: {Reason} ({Suppressed} more like it not logged in the last minute)")]
    public static partial void AgentRefused(ILogger logger, string peer, string reason, int suppressed);

    [LoggerMessage(1103, LogLevel.Warning, "Site {SiteId} batch {BootId}/{Sequence}: {Dropped} of {Total} points dropped as invalid, first: {Reason}")]
    public static partial void InvalidPoints(ILogger logger, string siteId, string bootId, ulong sequence, int dropped, int total, string reason);

    [LoggerMessage(1104, LogLevel.Warning, "Site {SiteId} batch {BootId}/{Sequence} refused by InfluxDB: {Reason}")]
    public static partial void BatchRefusedByStorage(ILogger logger, string siteId, string bootId, ulong sequence, string reason);

    [LoggerMessage(1105, LogLevel.Warning, "Site {SiteId}: agent message too large, stream ended: {Reason}")]
    public static partial void MessageTooLarge(ILogger logger, string siteId, string reason);

    [LoggerMessage(1109, LogLevel.Warning, "Site {SiteId}: malformed agent message ({Reason}), stream ended")]
    public static partial void MessageMalformed(ILogger logger, string siteId, string reason);

    [LoggerMessage(1106, LogLevel.Debug, "Site {SiteId}: batch {BootId}/{Sequence} not stored, InfluxDB unavailable; stream ended with Unavailable")]
    public static partial void BatchNotStored(ILogger logger, string siteId, string bootId, ulong sequence);

    [LoggerMessage(1108, LogLevel.Warning, "Batch observer {Observer} failed on a batch of site {SiteId} ({ErrorType}: {Reason}); the batch is stored and acknowledged anyway")]
    public static partial void ObserverFailed(ILogger logger, string observer, string siteId, string errorType, string reason);

    [LoggerMessage(1200, LogLevel.Error, "InfluxDB at {Target} unreachable: {Reason}")]
    public static partial void StorageUnreachable(ILogger logger, string target, string reason);

    [LoggerMessage(1201, LogLevel.Information, "InfluxDB at {Target} reachable again")]
    public static partial void StorageReachable(ILogger logger, string target);
}

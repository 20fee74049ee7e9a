using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Ping;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>What every check may use: the configuration, the clock, one shared SNMP client and the per-check timeout.</summary>
public sealed class SelfCheckContext
{
    public required AgentOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    public required SnmpClient Snmp { get; init; }

    /// <summary>Each check's own limit (<c>SelfCheck:TimeoutSeconds</c>).</summary>
    public TimeSpan Timeout { get; init; } = SelfCheckRunner.DefaultTimeout;

    /// <summary>Echo requests for the gateway check; null makes a default client.</summary>
    public IcmpEchoClient? Icmp { get; init; }

    /// <summary>
    /// Inside <c>sonla-agent run</c>: the live outbox (so the backlog is exact and the agent is known to run). Null for the
    /// <c>selfcheck</c> command, which only reads the outbox folder the running agent owns.
    /// </summary>
    public IOutbox? LiveOutbox { get; init; }

    /// <summary>Where route information comes from (a test may point it at a file of its own).</summary>
    public string RouteTablePath { get; init; } = DefaultGateway.ProcRoutePath;
}

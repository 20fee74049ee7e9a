using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Cli;

/// <summary>A parsed <c>get</c> or <c>walk</c> command line. Defaults are net-snmp's (1 s, 5 retries, -Cr 10).</summary>
internal sealed record SnmpCommandLine
{
    /// <summary>snmpwalk's default root: mib-2.</summary>
    public static readonly ObjectIdentifier DefaultWalkRoot = ObjectIdentifier.Parse("1.3.6.1.2.1");

    public required string Command { get; init; }

    /// <summary>HOST[:PORT] as typed (resolved later, so a parse error never needs DNS).</summary>
    public required string Agent { get; init; }

    public required IReadOnlyList<ObjectIdentifier> Oids { get; init; }

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    public Secret Community { get; init; } = new("public");

    public TimeSpan Timeout { get; init; } = SnmpTarget.DefaultTimeout;

    public int Retries { get; init; } = SnmpTarget.DefaultRetries;

    public int MaxRepetitions { get; init; } = SnmpTarget.DefaultMaxRepetitions;

    /// <summary>One JSON object a line instead of net-snmp's text.</summary>
    public bool Json { get; init; }

    /// <summary>
    /// get only: after an error-status naming one varbind, ask again without it, as snmpget does
    /// unless given -Cf.
    /// </summary>
    public bool FixErrors { get; init; } = true;

    public UsmArguments Usm { get; init; } = new();
}

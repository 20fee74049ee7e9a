using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// Where and how to reach one agent. Defaults follow net-snmp's tools: 1 s timeout, 5 retries,
/// max-repetitions 10 for walks. <see cref="ToString"/> never shows the community or a passphrase.
/// </summary>
public sealed partial record SnmpTarget(IPEndPoint EndPoint)
{
    public const int DefaultPort = 161;
    public const int DefaultRetries = 5;
    public const int DefaultMaxRepetitions = 10;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(1);

    public IPEndPoint EndPoint { get; init; } = EndPoint ?? throw new ArgumentNullException(nameof(EndPoint));

    public SnmpVersion Version { get; init; } = SnmpVersion.V2c;

    /// <summary>The community string (a secret).</summary>
    public string Community { get; init; } = "public";

    /// <summary>SNMPv3 only: user, security level and context (required when <see cref="Version"/> is V3).</summary>
    public UsmSecurity? Security { get; init; }

    /// <summary>How long to wait for each attempt (net-snmp -t).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Retransmissions after the first attempt (net-snmp -r).</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>max-repetitions of the GETBULKs of a walk (snmpbulkwalk -Cr).</summary>
    public int MaxRepetitions { get; init; } = DefaultMaxRepetitions;

    internal byte[] CommunityBytes() => Encoding.UTF8.GetBytes(Community);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("EndPoint = ").Append(EndPoint)
            .Append(", Version = ").Append(Version)
            .Append(", Community = ***");
        if (Security is not null)
        {
            builder.Append(", Security = ").Append(Security);
        }

        builder
            .Append(", Timeout = ").Append(Timeout)
            .Append(", Retries = ").Append(Retries)
            .Append(", MaxRepetitions = ").Append(MaxRepetitions);
        return true;
    }
}

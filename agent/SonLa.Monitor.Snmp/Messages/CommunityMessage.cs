using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Messages;

/// <summary>
/// A community-based message (SNMPv1 RFC 1157, SNMPv2c RFC 1901): version, community, and either
/// a <see cref="Pdus.Pdu"/> or, in v1 only, a <see cref="TrapV1Pdu"/>. ToString never shows the community.
/// </summary>
public sealed class CommunityMessage
{
    public CommunityMessage(SnmpVersion version, ReadOnlyMemory<byte> community, Pdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        CheckVersion(version);
        Version = version;
        Community = community;
        Pdu = pdu;
    }

    public CommunityMessage(ReadOnlyMemory<byte> community, TrapV1Pdu trap)
    {
        ArgumentNullException.ThrowIfNull(trap);
        Version = SnmpVersion.V1;
        Community = community;
        TrapV1 = trap;
    }

    public SnmpVersion Version { get; }

    /// <summary>The community octets (a secret: never log them).</summary>
    public ReadOnlyMemory<byte> Community { get; }

    /// <summary>The PDU, or null when the message carries an SNMPv1 Trap-PDU.</summary>
    public Pdu? Pdu { get; }

    /// <summary>The SNMPv1 Trap-PDU, or null.</summary>
    public TrapV1Pdu? TrapV1 { get; }

    public PduType PduType => Pdu?.Type ?? PduType.TrapV1;

    /// <summary>Compares the community in constant time (it is a password).</summary>
    public bool CommunityEquals(ReadOnlySpan<byte> community) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Community.Span, community);

    public override string ToString() => $"{Version} message, community ***, {Pdu?.ToString() ?? "Trap-PDU"}";

    private static void CheckVersion(SnmpVersion version)
    {
        if (version is not (SnmpVersion.V1 or SnmpVersion.V2c))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Community messages are SNMPv1 or SNMPv2c.");
        }
    }
}

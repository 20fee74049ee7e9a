using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// A received, accepted notification in the SNMPv2 form (RFC 3416 4.2.6): sysUpTime.0 and
/// snmpTrapOID.0 first, then the other varbinds. SNMPv1 traps arrive translated per RFC 3584 3.1.
/// </summary>
public sealed record SnmpNotification(
    SnmpVersion Version,
    PduType PduType,
    IPEndPoint Source,
    ObjectIdentifier TrapOid,
    uint? SysUpTime,
    IReadOnlyList<VarBind> VarBinds)
{
    /// <summary>The USM user (SNMPv3 only); null for community-based notifications.</summary>
    public string? UserName { get; init; }

    public bool IsInform => PduType == PduType.InformRequest;
}

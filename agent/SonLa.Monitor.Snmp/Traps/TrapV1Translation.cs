using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// RFC 3584 3.1: an SNMPv1 Trap-PDU in the SNMPv2 form. sysUpTime.0 from time-stamp; snmpTrapOID.0
/// is snmpTraps.(generic-trap + 1) for the generic traps, enterprise.0.specific-trap for
/// enterpriseSpecific; then the trap's varbinds; then snmpTrapAddress.0, snmpTrapCommunity.0 and
/// snmpTrapEnterprise.0 unless already present.
/// </summary>
public static class TrapV1Translation
{
    public static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse(".1.3.6.1.2.1.1.3.0");
    public static readonly ObjectIdentifier SnmpTrapOid = ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.4.1.0");
    public static readonly ObjectIdentifier SnmpTraps = ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5");
    public static readonly ObjectIdentifier SnmpTrapEnterprise = ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.4.3.0");
    public static readonly ObjectIdentifier SnmpTrapAddress = ObjectIdentifier.Parse(".1.3.6.1.6.3.18.1.3.0");

    /// <summary>Carries the v1 community (a secret): consumers must not store or log its value.</summary>
    public static readonly ObjectIdentifier SnmpTrapCommunity = ObjectIdentifier.Parse(".1.3.6.1.6.3.18.1.4.0");

    private const int EnterpriseSpecific = 6;

    public static ObjectIdentifier TrapOid(TrapV1Pdu trap)
    {
        ArgumentNullException.ThrowIfNull(trap);
        return trap.GenericTrap is >= 0 and < EnterpriseSpecific
            ? SnmpTraps.Append((uint)(trap.GenericTrap + 1))
            : trap.Enterprise.Append([0, unchecked((uint)trap.SpecificTrap)]);
    }

    public static IReadOnlyList<VarBind> ToV2VarBinds(TrapV1Pdu trap, ReadOnlyMemory<byte> community)
    {
        ArgumentNullException.ThrowIfNull(trap);
        var varBinds = new List<VarBind>(trap.VarBinds.Count + 5)
        {
            new(SysUpTime, SnmpValue.TimeTicks(trap.TimeStamp)),
            new(SnmpTrapOid, SnmpValue.ObjectIdentifier(TrapOid(trap))),
        };
        varBinds.AddRange(trap.VarBinds);
        AddIfAbsent(varBinds, SnmpTrapAddress, SnmpValue.IpAddress(trap.AgentAddress));
        AddIfAbsent(varBinds, SnmpTrapCommunity, SnmpValue.OctetString(community));
        AddIfAbsent(varBinds, SnmpTrapEnterprise, SnmpValue.ObjectIdentifier(trap.Enterprise));
        return varBinds;
    }

    private static void AddIfAbsent(List<VarBind> varBinds, ObjectIdentifier oid, SnmpValue value)
    {
        if (!varBinds.Exists(v => v.Oid == oid))
        {
            varBinds.Add(new VarBind(oid, value));
        }
    }
}

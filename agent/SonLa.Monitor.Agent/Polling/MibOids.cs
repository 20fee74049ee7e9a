using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>The SNMPv2-MIB (RFC 3418) and IF-MIB (RFC 2863) objects the poller reads.</summary>
public static class MibOids
{
    public static readonly ObjectIdentifier SysDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0");
    public static readonly ObjectIdentifier SysObjectId = ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0");
    public static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");
    public static readonly ObjectIdentifier SysName = ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0");

    /// <summary>HOST-RESOURCES-MIB hrSystemUptime.0 (RFC 2790): the host's uptime. sysUpTime is the SNMP agent's,
    /// so an snmpd restart or upgrade would look like a reboot; this does not.</summary>
    public static readonly ObjectIdentifier HrSystemUptime = ObjectIdentifier.Parse("1.3.6.1.2.1.25.1.1.0");

    /// <summary>ifNumber.0: how many rows ifTable has, so GETBULK asks for no more repetitions than needed.</summary>
    public static readonly ObjectIdentifier IfNumber = ObjectIdentifier.Parse("1.3.6.1.2.1.2.1.0");

    public static readonly ObjectIdentifier IfEntry = ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1");
    public static readonly ObjectIdentifier IfXEntry = ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1");

    // ifTable columns.
    public const uint IfDescr = 2;
    public const uint IfType = 3;
    public const uint IfSpeed = 5;
    public const uint IfAdminStatus = 7;
    public const uint IfOperStatus = 8;
    public const uint IfInOctets = 10;
    public const uint IfInDiscards = 13;
    public const uint IfInErrors = 14;
    public const uint IfOutOctets = 16;
    public const uint IfOutDiscards = 19;
    public const uint IfOutErrors = 20;

    // ifXTable columns.
    public const uint IfName = 1;
    public const uint IfHCInOctets = 6;
    public const uint IfHCOutOctets = 10;
    public const uint IfHighSpeed = 15;
    public const uint IfAlias = 18;
    public const uint IfCounterDiscontinuityTime = 19;

    public static readonly IReadOnlyList<uint> IfTableColumns =
        [IfDescr, IfType, IfSpeed, IfAdminStatus, IfOperStatus, IfInOctets, IfInDiscards, IfInErrors, IfOutOctets, IfOutDiscards, IfOutErrors];

    public static readonly IReadOnlyList<uint> IfXTableColumns =
        [IfName, IfHCInOctets, IfHCOutOctets, IfHighSpeed, IfAlias, IfCounterDiscontinuityTime];

    /// <summary>ifSpeed's saturated value: the real speed is then in ifHighSpeed.</summary>
    public const uint IfSpeedSaturated = uint.MaxValue;
}

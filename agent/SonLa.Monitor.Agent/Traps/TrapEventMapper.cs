using System.Globalization;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>
/// A notification as the contract's event: kind from the trap OID (the five generic traps by name, the UPS-MIB's
/// upsTrapOnBattery as <c>power_lost</c>, anything else <c>trap</c>), if_index from an ifIndex varbind, a one-line English message (as the
/// polling events), and every varbind OID → rendered value, except snmpTrapCommunity.0 (a secret).
/// </summary>
public static class TrapEventMapper
{
    public const string KindTrap = "trap";

    private static readonly ObjectIdentifier IfIndex = ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.1");
    private static readonly ObjectIdentifier IfDescr = ObjectIdentifier.Parse(".1.3.6.1.2.1.2.2.1.2");
    private static readonly ObjectIdentifier IfName = ObjectIdentifier.Parse(".1.3.6.1.2.1.31.1.1.1.1");

    private static readonly Dictionary<ObjectIdentifier, string> Kinds = new()
    {
        [ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.1")] = "cold_start",
        [ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.2")] = "warm_start",
        [ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.3")] = "link_down",
        [ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.4")] = "link_up",
        [ObjectIdentifier.Parse(".1.3.6.1.6.3.1.1.5.5")] = "auth_failure",
        [UpsMibOids.UpsTrapOnBattery] = UpsMonitor.KindPowerLost,
        [UpsMibOids.UpsTrapOnBatteryV1] = UpsMonitor.KindPowerLost,
    };

    public static string Kind(ObjectIdentifier trapOid) => Kinds.GetValueOrDefault(trapOid, KindTrap);

    public static Event ToEvent(SnmpNotification notification, string deviceName, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(deviceName);
        var kind = Kind(notification.TrapOid);
        var ifIndex = FindIfIndex(notification.VarBinds);
        var e = new Event
        {
            Device = deviceName,
            Kind = kind,
            TimeUnixNs = Points.ToUnixNanoseconds(receivedAt),
            TrapOid = "." + notification.TrapOid,
            IfIndex = ifIndex?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var varBind in notification.VarBinds)
        {
            if (varBind.Oid != TrapV1Translation.SnmpTrapCommunity)
            {
                e.Varbinds["." + varBind.Oid] = TrapVarBindText.Render(varBind.Value);
            }
        }

        e.Message = Message(kind, notification, ifIndex);
        return e;
    }

    private static string Message(string kind, SnmpNotification notification, long? ifIndex)
    {
        var port = ifIndex is { } index ? InterfaceText(index, notification.VarBinds) : "an interface";
        return kind switch
        {
            "link_down" => $"{port} went down (linkDown trap)",
            "link_up" => $"{port} came up (linkUp trap)",
            "cold_start" => "device restarted, configuration may have changed (coldStart trap)",
            "warm_start" => "SNMP agent restarted, configuration unchanged (warmStart trap)",
            "auth_failure" => "device received an SNMP request with wrong credentials (authenticationFailure trap)",
            UpsMonitor.KindPowerLost => "UPS switched to battery: mains power lost (upsTrapOnBattery trap)",
            _ => $"{(notification.IsInform ? "inform" : "trap")} .{notification.TrapOid}",
        };
    }

    private static string InterfaceText(long ifIndex, IReadOnlyList<VarBind> varBinds)
    {
        string? name = null;
        foreach (var varBind in varBinds)
        {
            if ((varBind.Oid.StartsWith(IfName) || (name is null && varBind.Oid.StartsWith(IfDescr))) &&
                varBind.Oid.Length > IfDescr.Length && varBind.Value.TryGetText(out var text) && text.Length > 0)
            {
                name = TrapVarBindText.Render(varBind.Value);
            }
        }

        var number = ifIndex.ToString(CultureInfo.InvariantCulture);
        return name is null ? $"interface {number}" : $"interface {number} ({name})";
    }

    /// <summary>ifIndex.N's value, or N when the value is not an integer.</summary>
    private static long? FindIfIndex(IReadOnlyList<VarBind> varBinds)
    {
        foreach (var varBind in varBinds)
        {
            if (varBind.Oid.StartsWith(IfIndex) && varBind.Oid.Length == IfIndex.Length + 1)
            {
                return varBind.Value.Type == SnmpType.Integer32 && varBind.Value.AsInt32() > 0
                    ? varBind.Value.AsInt32()
                    : varBind.Oid[IfIndex.Length];
            }
        }

        return null;
    }
}

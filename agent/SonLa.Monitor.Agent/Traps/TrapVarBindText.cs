using System.Globalization;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>
/// A varbind value as stored in the <c>event</c> measurement: the bare value an operator reads (3,
/// ge-0/0/2, .1.3.6.1.4.1.9, 192.0.2.1), not net-snmp's "INTEGER: 3"; octet strings that are not text
/// as lowercase hex, as <c>--json</c> gives them.
/// </summary>
public static class TrapVarBindText
{
    public static string Render(SnmpValue value)
    {
        var invariant = CultureInfo.InvariantCulture;
        return value.Type switch
        {
            SnmpType.Integer32 => value.AsInt32().ToString(invariant),
            SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks => value.AsUInt32().ToString(invariant),
            SnmpType.Counter64 => value.AsUInt64().ToString(invariant),
            SnmpType.ObjectIdentifier => "." + value.AsObjectIdentifier(),
            SnmpType.IpAddress => value.AsIPAddress().ToString(),
            SnmpType.OctetString when value.TryGetText(out _) => DisplayText.Decode(value.AsBytes().Span),
            SnmpType.OctetString or SnmpType.Opaque => Convert.ToHexStringLower(value.AsBytes().Span),
            SnmpType.Null => "",
            _ => value.Type.ToString(),
        };
    }
}

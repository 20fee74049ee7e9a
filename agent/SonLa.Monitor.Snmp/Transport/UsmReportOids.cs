using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>The counters a Report names (RFC 3414 usmStats, RFC 3413 snmpUnknownContexts...).</summary>
internal static class UsmReportOids
{
    private static readonly uint[] UsmStats = [1, 3, 6, 1, 6, 3, 15, 1, 1];
    private static readonly uint[] SnmpTargetCounters = [1, 3, 6, 1, 6, 3, 12, 1];

    public static UsmError Classify(ObjectIdentifier? oid)
    {
        if (oid is null)
        {
            return UsmError.Other;
        }

        var arcs = oid.Components;
        if (arcs.Length >= UsmStats.Length + 1 && arcs[..UsmStats.Length].SequenceEqual(UsmStats))
        {
            var counter = arcs[UsmStats.Length];
            return counter is >= 1 and <= 6 ? (UsmError)counter : UsmError.Other;
        }

        // snmpUnavailableContexts (.4) and snmpUnknownContexts (.5).
        if (arcs.Length >= SnmpTargetCounters.Length + 1 && arcs[..SnmpTargetCounters.Length].SequenceEqual(SnmpTargetCounters) &&
            arcs[SnmpTargetCounters.Length] is 4 or 5)
        {
            return UsmError.UnknownContext;
        }

        return UsmError.Other;
    }
}

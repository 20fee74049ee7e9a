using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>Joins ifTable and ifXTable columns by ifIndex into <see cref="InterfaceReading"/>s.</summary>
public static class InterfaceRowBuilder
{
    public static IReadOnlyList<InterfaceReading> Build(
        IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> ifTable,
        IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> ifXTable)
    {
        ArgumentNullException.ThrowIfNull(ifTable);
        ArgumentNullException.ThrowIfNull(ifXTable);
        var indexes = new SortedSet<uint>();
        foreach (var column in ifTable.Values.Concat(ifXTable.Values))
        {
            indexes.UnionWith(column.Keys);
        }

        var rows = new List<InterfaceReading>(indexes.Count);
        foreach (var index in indexes)
        {
            if (index > int.MaxValue)
            {
                continue;
            }

            var description = Text(ifTable, MibOids.IfDescr, index) ?? "";
            var name = Text(ifXTable, MibOids.IfName, index);
            var hcIn = Counter64(ifXTable, MibOids.IfHCInOctets, index);
            var hcOut = Counter64(ifXTable, MibOids.IfHCOutOctets, index);
            rows.Add(new InterfaceReading((int)index)
            {
                // A tag value cannot be empty in line protocol: a nameless interface is named by its index.
                Name = !string.IsNullOrWhiteSpace(name) ? name : !string.IsNullOrWhiteSpace(description) ? description : $"ifIndex.{index}",
                Description = description,
                Alias = Text(ifXTable, MibOids.IfAlias, index) ?? "",
                IfType = Int(ifTable, MibOids.IfType, index),
                InOctets = hcIn is { } i ? CounterReading.Counter64(i) : Counter32(ifTable, MibOids.IfInOctets, index) is { } i32 ? CounterReading.Counter32(i32) : null,
                OutOctets = hcOut is { } o ? CounterReading.Counter64(o) : Counter32(ifTable, MibOids.IfOutOctets, index) is { } o32 ? CounterReading.Counter32(o32) : null,
                InErrors = Counter32(ifTable, MibOids.IfInErrors, index),
                OutErrors = Counter32(ifTable, MibOids.IfOutErrors, index),
                InDiscards = Counter32(ifTable, MibOids.IfInDiscards, index),
                OutDiscards = Counter32(ifTable, MibOids.IfOutDiscards, index),
                AdminStatus = Int(ifTable, MibOids.IfAdminStatus, index),
                OperStatus = Int(ifTable, MibOids.IfOperStatus, index),
                SpeedBitsPerSecond = Speed(
                    Unsigned(ifTable, MibOids.IfSpeed, index),
                    Unsigned(ifXTable, MibOids.IfHighSpeed, index),
                    hcIn is not null || hcOut is not null),
                CounterDiscontinuityTime = Get(ifXTable, MibOids.IfCounterDiscontinuityTime, index) is { Type: SnmpType.TimeTicks } ticks
                    ? ticks.AsUInt32()
                    : null,
            });
        }

        return rows;
    }

    /// <summary>
    /// ifHighSpeed (Mb/s) where ifSpeed saturates or HC counters are in use, except that an ifSpeed agreeing with it
    /// to within the 1 Mb/s rounding is kept, being the more precise (a 1.5 Mb/s link has ifHighSpeed 2).
    /// </summary>
    public static ulong? Speed(uint? ifSpeed, uint? ifHighSpeed, bool highCapacity)
    {
        var high = ifHighSpeed is { } h && h > 0 ? (ulong)h * 1_000_000 : (ulong?)null;
        if (ifSpeed is not { } speed || speed == MibOids.IfSpeedSaturated)
        {
            return high ?? (ifSpeed is { } saturated ? saturated : null);
        }

        if (highCapacity && high is { } hs && (hs > speed ? hs - speed : speed - hs) >= 1_000_000)
        {
            return hs;
        }

        return speed;
    }

    private static SnmpValue? Get(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        table.TryGetValue(column, out var rows) && rows.TryGetValue(index, out var value) ? value : null;

    private static string? Text(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        Get(table, column, index) is { Type: SnmpType.OctetString } value ? DisplayText.Decode(value.AsBytes().Span) : null;

    private static int? Int(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        Get(table, column, index) is { Type: SnmpType.Integer32 } value ? value.AsInt32() : null;

    private static uint? Unsigned(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        Get(table, column, index) is { Type: SnmpType.Gauge32 or SnmpType.Counter32 } value ? value.AsUInt32() : null;

    private static uint? Counter32(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        Get(table, column, index) is { Type: SnmpType.Counter32 } value ? value.AsUInt32() : null;

    private static ulong? Counter64(IReadOnlyDictionary<uint, Dictionary<uint, SnmpValue>> table, uint column, uint index) =>
        Get(table, column, index) is { Type: SnmpType.Counter64 } value ? value.AsUInt64() : null;
}

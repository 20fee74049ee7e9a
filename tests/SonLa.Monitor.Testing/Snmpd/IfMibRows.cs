using System.Globalization;

namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>
/// Builds IF-MIB rows (RFC 2863) for simulated interfaces, and snmpd options that serve them instead of
/// the host's own interfaces, so tests know exactly which counters a device reports.
/// </summary>
public static class IfMibRows
{
    public const string IfTableEntry = ".1.3.6.1.2.1.2.2.1";
    public const string IfXTableEntry = ".1.3.6.1.2.1.31.1.1.1";

    public static SnmpdOptions DeviceOptions(string sysName, IEnumerable<SimulatedInterface> interfaces, string community = "public") => new()
    {
        Community = community,
        SysName = sysName,
        ExtraPassPersistRoots = [".1.3.6.1.2.1.2", ".1.3.6.1.2.1.31"],
        DisabledModules = ["interfaces", "ifTable", "ifXTable"],
        PassPersistRows = For(interfaces),
    };

    public static IReadOnlyList<PassPersistRow> For(IEnumerable<SimulatedInterface> interfaces)
    {
        var list = interfaces.OrderBy(i => i.Index).ToList();
        var rows = new List<PassPersistRow> { new(".1.3.6.1.2.1.2.1.0", "integer", N(list.Count)) };
        foreach (var i in list)
        {
            var x = N(i.Index);
            rows.Add(new($"{IfTableEntry}.1.{x}", "integer", x));
            rows.Add(new($"{IfTableEntry}.2.{x}", "string", i.Description.Length > 0 ? i.Description : i.Name));
            rows.Add(new($"{IfTableEntry}.3.{x}", "integer", "6"));
            rows.Add(new($"{IfTableEntry}.5.{x}", "gauge", N(Math.Min(i.SpeedBitsPerSecond, uint.MaxValue))));
            rows.Add(new($"{IfTableEntry}.7.{x}", "integer", N(i.AdminStatus)));
            rows.Add(new($"{IfTableEntry}.8.{x}", "integer", N(i.OperStatus)));
            rows.Add(new($"{IfTableEntry}.10.{x}", "counter", N(i.InOctets & uint.MaxValue)));
            rows.Add(new($"{IfTableEntry}.13.{x}", "counter", N(i.InDiscards)));
            rows.Add(new($"{IfTableEntry}.14.{x}", "counter", N(i.InErrors)));
            rows.Add(new($"{IfTableEntry}.16.{x}", "counter", N(i.OutOctets & uint.MaxValue)));
            rows.Add(new($"{IfTableEntry}.19.{x}", "counter", N(i.OutDiscards)));
            rows.Add(new($"{IfTableEntry}.20.{x}", "counter", N(i.OutErrors)));
            rows.Add(new($"{IfXTableEntry}.1.{x}", "string", i.Name));
            if (i.HighCapacity)
            {
                rows.Add(new($"{IfXTableEntry}.6.{x}", "counter64", N(i.InOctets)));
                rows.Add(new($"{IfXTableEntry}.10.{x}", "counter64", N(i.OutOctets)));
            }

            rows.Add(new($"{IfXTableEntry}.15.{x}", "gauge", N(i.SpeedBitsPerSecond / 1_000_000)));
            rows.Add(new($"{IfXTableEntry}.18.{x}", "string", i.Alias));
            rows.Add(new($"{IfXTableEntry}.19.{x}", "timeticks", N(i.CounterDiscontinuityTime)));
        }

        return rows;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}

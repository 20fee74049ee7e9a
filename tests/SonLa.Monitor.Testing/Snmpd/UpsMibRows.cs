using System.Globalization;

namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>
/// Builds UPS-MIB (RFC 1628) rows for a <see cref="SimulatedUps"/>, and snmpd options that serve them, so tests know
/// exactly what a UPS reports and can switch it to battery and back with <see cref="SnmpdServer.SetRows"/>.
/// </summary>
public static class UpsMibRows
{
    public const string UpsMib = ".1.3.6.1.2.1.33";
    public const string UpsBattery = UpsMib + ".1.2";
    public const string UpsOutput = UpsMib + ".1.4";
    public const string UpsOutputEntry = UpsOutput + ".4.1";

    public static SnmpdOptions DeviceOptions(string sysName, SimulatedUps ups, string community = "public") => new()
    {
        Community = community,
        SysName = sysName,
        PassPersistRoot = UpsMib,
        PassPersistRows = For(ups),
    };

    public static IReadOnlyList<PassPersistRow> For(SimulatedUps ups)
    {
        ArgumentNullException.ThrowIfNull(ups);
        var rows = new List<PassPersistRow>
        {
            new(UpsMib + ".1.1.1.0", "string", "Sơn La Power"),
            new(UpsMib + ".1.1.2.0", "string", "SL-1000VA"),
        };
        Add(rows, UpsBattery + ".1.0", ups.BatteryStatus);
        Add(rows, UpsBattery + ".2.0", ups.SecondsOnBattery);
        Add(rows, UpsBattery + ".3.0", ups.EstimatedMinutesRemaining);
        Add(rows, UpsBattery + ".4.0", ups.EstimatedChargeRemaining);
        Add(rows, UpsOutput + ".1.0", ups.OutputSource);
        if (ups.OutputPercentLoads.Count > 0)
        {
            rows.Add(new(UpsOutput + ".2.0", "integer", "500"));
            rows.Add(new(UpsOutput + ".3.0", "integer", N(ups.OutputPercentLoads.Count)));
            for (var i = 0; i < ups.OutputPercentLoads.Count; i++)
            {
                var line = N(i + 1);
                rows.Add(new($"{UpsOutputEntry}.1.{line}", "integer", line));
                rows.Add(new($"{UpsOutputEntry}.2.{line}", "integer", "230"));
                rows.Add(new($"{UpsOutputEntry}.5.{line}", "integer", N(ups.OutputPercentLoads[i])));
            }
        }

        return rows;
    }

    private static void Add(List<PassPersistRow> rows, string oid, int? value)
    {
        if (value is { } v)
        {
            rows.Add(new(oid, "integer", N(v)));
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

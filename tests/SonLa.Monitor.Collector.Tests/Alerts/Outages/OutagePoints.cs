using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

/// <summary>Synthetic points and batches as the agent sends them (PRODUCT.md "Data in InfluxDB"), times in Vietnam.</summary>
internal static class OutagePoints
{
    public const string Site = "chieng-coi";
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>27/11/2026 at the given Vietnam time.</summary>
    public static DateTimeOffset At(int hour, int minute, int second = 0) => new(2026, 11, 27, hour, minute, second, Vietnam);

    public static long Ns(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    public static LinePoint Ups(DateTimeOffset t, int onBattery, string device = "ups") =>
        Point("ups", t, [("device", device)], ("on_battery", LineValue.FromInteger(onBattery)), ("battery_percent", LineValue.FromDouble(80)));

    public static LinePoint Interface(DateTimeOffset t, int oper, string device = "router", string ifIndex = "2", string ifName = "ge-0/0/1", int admin = 1) =>
        Point("interface", t, [("device", device), ("if_index", ifIndex), ("if_name", ifName)],
            ("oper_status", LineValue.FromInteger(oper)), ("admin_status", LineValue.FromInteger(admin)), ("in_bps", LineValue.FromDouble(1000)));

    public static LinePoint Device(DateTimeOffset t, int reachable, string device = "router") =>
        Point("device", t, [("device", device)], ("reachable", LineValue.FromInteger(reachable)));

    public static LinePoint Agent(DateTimeOffset t) =>
        Point("agent", t, [], ("version", LineValue.FromString("1.0")), ("outbox_bytes", LineValue.FromInteger(100)));

    public static LinePoint Event(DateTimeOffset t, string kind, string device, string? ifIndex = null, string message = "") =>
        Point("event", t, ifIndex is null ? [("device", device), ("kind", kind)] : [("device", device), ("kind", kind), ("if_index", ifIndex)],
            ("message", LineValue.FromString(message)));

    /// <summary>One agent point and one device point a minute from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IEnumerable<LinePoint> Alive(DateTimeOffset from, DateTimeOffset to, string device = "router")
    {
        for (var t = from; t <= to; t = t.AddMinutes(1))
        {
            yield return Agent(t);
            yield return Device(t, 1, device);
        }
    }

    public static IngestedBatch Batch(IEnumerable<LinePoint> points, bool backfill = true, ulong sequence = 1, string bootId = "boot-1", string site = Site) =>
        new(site, bootId, sequence, [], backfill, [.. points], DateTimeOffset.UnixEpoch);

    private static LinePoint Point(string measurement, DateTimeOffset t, (string, string)[] tags, params (string, LineValue)[] fields) =>
        new(measurement, tags.Select(x => new KeyValuePair<string, string>(x.Item1, x.Item2)).Append(new("site", Site)),
            fields.Select(x => new KeyValuePair<string, LineValue>(x.Item1, x.Item2)), Ns(t));
}

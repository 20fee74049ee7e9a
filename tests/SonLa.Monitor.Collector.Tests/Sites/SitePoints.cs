using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>Points as the agent writes them (PRODUCT.md's measurements), for the sites board tests.</summary>
internal static class SitePoints
{
    public static long Ns(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;

    public static Point Make(string measurement, DateTimeOffset at, (string Key, string Value)[] tags, params (string Key, FieldValue Value)[] fields)
    {
        var point = new Point { Measurement = measurement, TimeUnixNs = Ns(at) };
        foreach (var (key, value) in tags)
        {
            point.Tags.Add(key, value);
        }

        foreach (var (key, value) in fields)
        {
            point.Fields.Add(key, value);
        }

        return point;
    }

    public static FieldValue I(long v) => new() { IntValue = v };

    public static FieldValue U(ulong v) => new() { UintValue = v };

    public static FieldValue D(double v) => new() { DoubleValue = v };

    public static FieldValue S(string v) => new() { StringValue = v };

    public static Point Device(string device, DateTimeOffset at, bool reachable, double? responseMs = null, long? uptime = null)
    {
        var fields = new List<(string, FieldValue)> { ("reachable", I(reachable ? 1 : 0)) };
        if (responseMs is { } ms)
        {
            fields.Add(("response_ms", D(ms)));
        }

        if (uptime is { } u)
        {
            fields.Add(("uptime_s", I(u)));
        }

        return Make("device", at, [("device", device)], [.. fields]);
    }

    public static Event Event(string device, string kind, DateTimeOffset at, string message, string? ifIndex = null) => new()
    {
        Device = device,
        Kind = kind,
        Message = message,
        TimeUnixNs = Ns(at),
        IfIndex = ifIndex ?? "",
    };

    public static SampleBatch Batch(string bootId, ulong sequence, IEnumerable<Point> points, IEnumerable<Event>? events = null, bool backfill = false)
    {
        var batch = new SampleBatch { BootId = bootId, Sequence = sequence, Backfill = backfill };
        batch.Points.AddRange(points);
        if (events is not null)
        {
            batch.Events.AddRange(events);
        }

        return batch;
    }
}

using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests;

/// <summary>Points and events as an agent would send them.</summary>
internal static class Samples
{
    // 2026-01-15T08:30:00.123456789Z: a time in the past, with nanoseconds, so "original timestamp" is visible.
    public const long Time = 1_768_465_800_123_456_789;

    public static Point Interface(string device, string ifIndex, string ifName, long time = Time, string? spoofedSite = null)
    {
        var point = new Point { Measurement = "interface", TimeUnixNs = time };
        point.Tags.Add("device", device);
        point.Tags.Add("if_index", ifIndex);
        point.Tags.Add("if_name", ifName);
        if (spoofedSite is not null)
        {
            point.Tags.Add("site", spoofedSite);
        }

        point.Fields.Add("in_octets", new FieldValue { UintValue = 12_345_678_901_234UL });
        point.Fields.Add("out_octets", new FieldValue { UintValue = 987_654_321UL });
        point.Fields.Add("in_bps", new FieldValue { DoubleValue = 1_500_000.5 });
        point.Fields.Add("oper_status", new FieldValue { IntValue = 1 });
        return point;
    }

    public static Point Device(string device, long time = Time)
    {
        var point = new Point { Measurement = "device", TimeUnixNs = time };
        point.Tags.Add("device", device);
        point.Fields.Add("reachable", new FieldValue { IntValue = 1 });
        point.Fields.Add("response_ms", new FieldValue { DoubleValue = 2.5 });
        point.Fields.Add("uptime_s", new FieldValue { UintValue = 86_400 });
        return point;
    }

    public static Event LinkDown(string device, long time = Time)
    {
        var e = new Event
        {
            Device = device,
            Kind = "link_down",
            Message = "Cổng quang mất tín hiệu",
            TimeUnixNs = time,
            TrapOid = "1.3.6.1.6.3.1.1.5.3",
            IfIndex = "3",
        };
        e.Varbinds.Add("1.3.6.1.2.1.2.2.1.1.3", "3");
        e.Varbinds.Add("1.3.6.1.2.1.2.2.1.8.3", "2");
        return e;
    }

    public static SampleBatch Batch(string bootId, ulong sequence, params Point[] points)
    {
        var batch = new SampleBatch { BootId = bootId, Sequence = sequence };
        batch.Points.AddRange(points);
        return batch;
    }
}

using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>Reads the few things an outage timeline needs out of the contract's points (see PRODUCT.md "Data in InfluxDB").</summary>
public static class PointReader
{
    /// <summary>Event kinds that make a timeline entry; every other event (auth_failure, clock_jump, trap...) is left out.</summary>
    public static readonly IReadOnlySet<string> TimelineEventKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "power_lost", "power_restored", "link_down", "link_up", "unreachable", "reachable",
        "reboot", "cold_start", "warm_start", "data_lost",
    };

    public static string Tag(LinePoint point, string key)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var (k, v) in point.TagSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return "";
    }

    public static long? Integer(LinePoint point, string key)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var (k, v) in point.FieldSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v.Kind switch
                {
                    LineValueKind.Integer => v.AsInteger,
                    LineValueKind.UInteger => (long)Math.Min(v.AsUInteger, long.MaxValue),
                    LineValueKind.Double when double.IsFinite(v.AsDouble) => (long)Math.Round(v.AsDouble),
                    LineValueKind.Boolean => v.AsBoolean ? 1 : 0,
                    _ => null,
                };
            }
        }

        return null;
    }

    public static string? Text(LinePoint point, string key)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var (k, v) in point.FieldSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal) && v.Kind == LineValueKind.String)
            {
                return v.AsString;
            }
        }

        return null;
    }

    /// <summary>The state sample a point carries, if it is one of the <see cref="SeriesKind"/>s.</summary>
    public static bool TryReadSample(LinePoint point, out SeriesKey key, out int value)
    {
        ArgumentNullException.ThrowIfNull(point);
        key = default;
        value = 0;
        switch (point.Measurement)
        {
            case "ups" when Integer(point, "on_battery") is { } onBattery:
                key = new SeriesKey(SeriesKind.OnBattery, Tag(point, "device"));
                value = onBattery != 0 ? 1 : 0;
                return true;
            case "device" when Integer(point, "reachable") is { } reachable:
                key = new SeriesKey(SeriesKind.Reachable, Tag(point, "device"));
                value = reachable != 0 ? 1 : 0;
                return true;
            case "interface" when Integer(point, "oper_status") is { } oper:
                // An interface shut down on purpose (admin down) is not an outage.
                if (Integer(point, "admin_status") is { } admin && admin != 1)
                {
                    return false;
                }

                key = new SeriesKey(SeriesKind.OperStatus, Tag(point, "device"), Tag(point, "if_index"));
                value = (int)Math.Clamp(oper, 0, 100);
                return true;
            default:
                return false;
        }
    }

    public static bool TryReadEvent(LinePoint point, out EventObservation observation)
    {
        ArgumentNullException.ThrowIfNull(point);
        observation = null!;
        if (!string.Equals(point.Measurement, IngestedBatch.EventMeasurement, StringComparison.Ordinal))
        {
            return false;
        }

        var kind = Tag(point, "kind");
        if (!TimelineEventKinds.Contains(kind))
        {
            return false;
        }

        observation = new EventObservation(point.TimestampNs, kind, Tag(point, "device"), Tag(point, "if_index"), Text(point, "message") ?? "");
        return true;
    }
}

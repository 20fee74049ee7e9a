using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The last live state of one site (from batches sent live, not from its backlog): each series' last value, the
/// timeline-worthy events of the last few minutes, interface names and the agent's boot id. Copied when the site
/// goes dark, so the timeline knows what was true before (a UPS already on battery is no new "power lost").
/// Not thread-safe: the recorder serialises access.
/// </summary>
public sealed class SiteLiveState
{
    private const int MaxRecentEvents = 256;

    /// <summary>Each series' last value, when it was measured and since when the series has had that value.</summary>
    public Dictionary<SeriesKey, (long TimeNs, int Value, long SinceNs)> LastValues { get; } = [];

    public List<EventObservation> RecentEvents { get; } = [];

    public Dictionary<(string Device, string IfIndex), string> InterfaceNames { get; } = [];

    public string? BootId { get; set; }

    /// <summary>Takes in a batch (a backlog's too: state only moves forward in time); events older than <paramref name="keepNs"/> before its newest point are forgotten.</summary>
    public void Observe(IngestedBatch batch, long keepNs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.Backfill)
        {
            BootId = batch.BootId;
        }

        var newest = long.MinValue;
        foreach (var point in batch.Points)
        {
            newest = Math.Max(newest, point.TimestampNs);
            if (PointReader.TryReadEvent(point, out var observation))
            {
                RecentEvents.Add(observation);
                continue;
            }

            if (!PointReader.TryReadSample(point, out var key, out var value))
            {
                continue;
            }

            // Live batches arrive in order, but a late one must not undo a newer state.
            if (!LastValues.TryGetValue(key, out var last))
            {
                LastValues[key] = (point.TimestampNs, value, point.TimestampNs);
            }
            else if (last.TimeNs <= point.TimestampNs)
            {
                LastValues[key] = (point.TimestampNs, value, last.Value == value ? last.SinceNs : point.TimestampNs);
            }

            if (key.Kind == SeriesKind.OperStatus && PointReader.Tag(point, "if_name") is { Length: > 0 } name)
            {
                InterfaceNames[(key.Device, key.IfIndex)] = name;
            }
        }

        if (RecentEvents.Count > 0)
        {
            RecentEvents.RemoveAll(e => e.TimeNs < newest - keepNs);
            if (RecentEvents.Count > MaxRecentEvents)
            {
                RecentEvents.RemoveRange(0, RecentEvents.Count - MaxRecentEvents);
            }
        }
    }

    public SiteLiveState Copy()
    {
        var copy = new SiteLiveState { BootId = BootId };
        foreach (var (key, value) in LastValues)
        {
            copy.LastValues[key] = value;
        }

        copy.RecentEvents.AddRange(RecentEvents);
        foreach (var (key, value) in InterfaceNames)
        {
            copy.InterfaceNames[key] = value;
        }

        return copy;
    }
}

using System.Text;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// Thins old batches when the quota is full, one batch at a time in their order (so a segment is rewritten holding one
/// batch in memory): every event stays; of the points, the first of each series (measurement and tags) in each interval
/// of the level stays. Level 1 keeps one per 5 minutes, level 2 one per 30 minutes, level 3 one per 3 hours.
/// </summary>
public sealed class OutboxThinner(int level)
{
    public const int MaxLevel = 3;

    private readonly long _intervalNs = IntervalOf(level).Ticks * 100;
    private readonly HashSet<(string Series, long Bucket)> _kept = [];
    private readonly StringBuilder _key = new();

    public int Level { get; } = level;

    /// <summary>Points removed so far.</summary>
    public long Removed { get; private set; }

    public static TimeSpan IntervalOf(int level) => level switch
    {
        1 => TimeSpan.FromMinutes(5),
        2 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(3),
    };

    /// <summary>Removes from <paramref name="batch"/> the points of a series and interval already kept; returns how many went.</summary>
    public int Thin(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var keep = new List<Point>(batch.Points.Count);
        foreach (var point in batch.Points)
        {
            var bucket = Math.DivRem(point.TimeUnixNs, _intervalNs, out var rest) - (rest < 0 ? 1 : 0);
            if (_kept.Add((SeriesKey(point), bucket)))
            {
                keep.Add(point);
            }
        }

        var removed = batch.Points.Count - keep.Count;
        if (removed > 0)
        {
            batch.Points.Clear();
            batch.Points.AddRange(keep);
            Removed += removed;
        }

        return removed;
    }

    private string SeriesKey(Point point)
    {
        _key.Clear().Append(point.Measurement);
        foreach (var tag in point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            _key.Append('\0').Append(tag.Key).Append('=').Append(tag.Value);
        }

        return _key.ToString();
    }
}

using System.Text;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// Thins old batches when the quota is full: every event stays; of the points, the first of each series (measurement
/// and tags) in each interval of the level stays. Level 1 keeps one per 5 minutes, level 2 one per 30 minutes, level 3
/// one per 3 hours.
/// </summary>
public static class OutboxThinner
{
    public const int MaxLevel = 3;

    public static TimeSpan IntervalOf(int level) => level switch
    {
        1 => TimeSpan.FromMinutes(5),
        2 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(3),
    };

    /// <summary>Removes points in place from <paramref name="batches"/> (oldest first); returns how many went.</summary>
    public static long Thin(IReadOnlyList<SampleBatch> batches, int level)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var intervalNs = IntervalOf(level).Ticks * 100;
        var kept = new HashSet<(string Series, long Bucket)>();
        var key = new StringBuilder();
        long removed = 0;
        foreach (var batch in batches)
        {
            var keep = new List<Point>(batch.Points.Count);
            foreach (var point in batch.Points)
            {
                if (kept.Add((SeriesKey(point, key), Math.DivRem(point.TimeUnixNs, intervalNs, out var rest) - (rest < 0 ? 1 : 0))))
                {
                    keep.Add(point);
                }
            }

            removed += batch.Points.Count - keep.Count;
            if (keep.Count != batch.Points.Count)
            {
                batch.Points.Clear();
                batch.Points.AddRange(keep);
            }
        }

        return removed;
    }

    private static string SeriesKey(Point point, StringBuilder key)
    {
        key.Clear().Append(point.Measurement);
        foreach (var tag in point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            key.Append('\0').Append(tag.Key).Append('=').Append(tag.Value);
        }

        return key.ToString();
    }
}

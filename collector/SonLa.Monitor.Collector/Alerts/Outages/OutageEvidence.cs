using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// What a dark site's backlog tells, kept small: state samples of the series a timeline uses, timeline-worthy
/// events, the agent's boots and which minutes have any data at all. Fed with backfilled batches in any order
/// (the agent sends its backlog newest-state first) and any number of times (a resent batch counts once).
/// Bounded by <c>maxObservations</c>: past it, samples are dropped (events still kept) and <see cref="Truncated"/> says so.
/// Not thread-safe: the recorder serialises access.
/// </summary>
public sealed class OutageEvidence(long fromNs, int maxObservations = 200_000, IReadOnlySet<string>? operStatusDevices = null)
{
    /// <summary>Coverage is kept in buckets this long: fine enough to tell a short outage's edges from its inside.</summary>
    public const long BucketNs = 10L * 1_000_000_000;

    private readonly HashSet<(string BootId, ulong Sequence)> _seen = [];
    private int _count;

    /// <summary>Data measured before this (nanoseconds since the epoch) is not part of the outage.</summary>
    public long FromNs { get; } = fromNs;

    public Dictionary<SeriesKey, List<(long TimeNs, int Value)>> Samples { get; } = [];

    public List<EventObservation> Events { get; } = [];

    /// <summary>Each boot id of the agent seen in the backlog with its first and last point time.</summary>
    public Dictionary<string, (long FirstNs, long LastNs)> Boots { get; } = new(StringComparer.Ordinal);

    /// <summary>Buckets (time / <see cref="BucketNs"/>) in which at least one sample was measured.</summary>
    public HashSet<long> CoveredBuckets { get; } = [];

    /// <summary>(device, if_index) → if_name, for the timeline's text.</summary>
    public Dictionary<(string Device, string IfIndex), string> InterfaceNames { get; } = [];

    public bool Truncated { get; private set; }

    public int BatchCount => _seen.Count;

    /// <summary>Adds a batch; false when it was seen already (the agent resent it).</summary>
    public bool Add(IngestedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_seen.Add((batch.BootId, batch.Sequence)))
        {
            return false;
        }

        foreach (var sequence in batch.MergedSequences)
        {
            _seen.Add((batch.BootId, sequence));
        }

        foreach (var point in batch.Points)
        {
            if (point.TimestampNs < FromNs)
            {
                continue;
            }

            if (PointReader.TryReadEvent(point, out var observation))
            {
                Events.Add(observation);
                continue;
            }

            if (string.Equals(point.Measurement, IngestedBatch.EventMeasurement, StringComparison.Ordinal))
            {
                continue;
            }

            CoveredBuckets.Add(Math.DivRem(point.TimestampNs, BucketNs).Quotient);
            Boot(batch.BootId, point.TimestampNs);
            if (string.Equals(point.Measurement, "interface", StringComparison.Ordinal)
                && operStatusDevices is { Count: > 0 } && !operStatusDevices.Contains(PointReader.Tag(point, "device")))
            {
                continue;
            }

            if (PointReader.TryReadSample(point, out var key, out var value))
            {
                if (_count >= maxObservations)
                {
                    Truncated = true;
                    continue;
                }

                _count++;
                if (!Samples.TryGetValue(key, out var list))
                {
                    Samples[key] = list = [];
                }

                list.Add((point.TimestampNs, value));
                if (key.Kind == SeriesKind.OperStatus && PointReader.Tag(point, "if_name") is { Length: > 0 } name)
                {
                    InterfaceNames[(key.Device, key.IfIndex)] = name;
                }
            }
        }

        return true;
    }

    private void Boot(string bootId, long timeNs)
    {
        if (Boots.TryGetValue(bootId, out var span))
        {
            Boots[bootId] = (Math.Min(span.FirstNs, timeNs), Math.Max(span.LastNs, timeNs));
        }
        else
        {
            Boots[bootId] = (timeNs, timeNs);
        }
    }
}

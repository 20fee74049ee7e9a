using System.Net;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// A token bucket per source address (refilled at <see cref="PerSecond"/>, holding at most
/// <see cref="Burst"/>), so one flooding device cannot crowd out the others. Bounded: past
/// <see cref="MaxSources"/> addresses the idle ones are forgotten. Not thread-safe: one receive loop owns it.
/// </summary>
public sealed class SourceRateLimiter(double perSecond, double burst, TimeProvider time)
{
    public const int MaxSources = 10_000;

    private readonly Dictionary<IPAddress, Bucket> _buckets = [];

    public double PerSecond { get; } = perSecond > 0 ? perSecond : throw new ArgumentOutOfRangeException(nameof(perSecond));

    /// <summary>Source addresses with a bucket now (at most <see cref="MaxSources"/>).</summary>
    public int SourceCount => _buckets.Count;

    public double Burst { get; } = burst >= 1 ? burst : throw new ArgumentOutOfRangeException(nameof(burst));

    /// <summary>Takes a token for <paramref name="source"/>; false when its bucket is empty.</summary>
    public bool TryAcquire(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = time.GetTimestamp();
        if (!_buckets.TryGetValue(source, out var bucket))
        {
            if (_buckets.Count >= MaxSources)
            {
                Prune(now);
            }

            bucket = new Bucket { Tokens = Burst, Updated = now };
            _buckets[source] = bucket;
        }
        else
        {
            var elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + (Math.Max(0, elapsed) * PerSecond));
            bucket.Updated = now;
        }

        if (bucket.Tokens < 1)
        {
            return false;
        }

        bucket.Tokens -= 1;
        return true;
    }

    private void Prune(long now)
    {
        // Buckets full again carry no state worth keeping; if none are, start over (bounded memory first).
        foreach (var (address, bucket) in _buckets.ToList())
        {
            if (bucket.Tokens + (time.GetElapsedTime(bucket.Updated, now).TotalSeconds * PerSecond) >= Burst)
            {
                _buckets.Remove(address);
            }
        }

        if (_buckets.Count >= MaxSources)
        {
            _buckets.Clear();
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Updated { get; set; }
    }
}

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Token bucket for the backlog's byte rate (Collector:BacklogKilobitsPerSecond): at most one second of burst; a batch
/// bigger than the bucket still goes when the bucket is full and is paid for afterwards, so nothing waits forever.
/// </summary>
public sealed class BacklogRateLimiter(long bytesPerSecond, TimeProvider time)
{
    private double _tokens = bytesPerSecond;
    private long _last = time.GetTimestamp();

    public bool Unlimited => bytesPerSecond <= 0;

    /// <summary>True (and the bytes are spent) when the backlog may send now.</summary>
    public bool TryTake(int bytes)
    {
        if (Unlimited)
        {
            return true;
        }

        Refill();
        if (_tokens <= 0)
        {
            return false;
        }

        _tokens -= bytes;
        return true;
    }

    /// <summary>How long until <see cref="TryTake"/> can succeed again.</summary>
    public TimeSpan Wait
    {
        get
        {
            if (Unlimited)
            {
                return TimeSpan.Zero;
            }

            Refill();
            return _tokens > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / bytesPerSecond);
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(bytesPerSecond, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * bytesPerSecond));
        _last = now;
    }
}

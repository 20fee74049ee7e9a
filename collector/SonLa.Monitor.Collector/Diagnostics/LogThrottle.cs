namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary>
/// Lets a repeated log line through at most once per window per key, counting the ones held back,
/// so a client hammering the collector with bad tokens cannot flood the log.
/// </summary>
public sealed class LogThrottle
{
    /// <summary>Keys remembered at most; beyond that the oldest window is forgotten.</summary>
    public const int MaxKeys = 1024;

    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly Dictionary<string, (DateTimeOffset Until, int Suppressed)> _keys = new(StringComparer.Ordinal);

    public LogThrottle(TimeProvider time, TimeSpan window)
    {
        _time = time;
        _window = window;
    }

    /// <summary>True when the line may be logged now; <paramref name="suppressed"/> is how many were held back before it.</summary>
    public bool ShouldLog(string key, out int suppressed)
    {
        var now = _time.GetUtcNow();
        lock (_keys)
        {
            if (_keys.TryGetValue(key, out var entry) && now < entry.Until)
            {
                _keys[key] = (entry.Until, entry.Suppressed + 1);
                suppressed = 0;
                return false;
            }

            if (_keys.Count >= MaxKeys)
            {
                foreach (var expired in _keys.Where(k => now >= k.Value.Until).Select(k => k.Key).ToList())
                {
                    _keys.Remove(expired);
                }

                if (_keys.Count >= MaxKeys)
                {
                    _keys.Remove(_keys.MinBy(k => k.Value.Until).Key);
                }
            }

            suppressed = entry.Suppressed;
            _keys[key] = (now + _window, 0);
            return true;
        }
    }
}

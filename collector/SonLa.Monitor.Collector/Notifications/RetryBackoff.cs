namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// Jittered exponential back-off: the n-th retry waits initial × 2^(n-1), ±20 % so that deliveries that failed
/// together do not come back together, capped at the maximum; a server's Retry-After is honoured (up to an hour).
/// </summary>
public sealed class RetryBackoff
{
    /// <summary>The longest Retry-After we wait for; a longer one is taken as this.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly Func<double> _random;

    public RetryBackoff(TimeSpan initial, TimeSpan max, Func<double>? random = null)
    {
        _initial = initial;
        _max = max;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <param name="failedAttempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="retryAfter">The server's Retry-After, if it sent one.</param>
    public TimeSpan Delay(int failedAttempts, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var baseSeconds = Math.Min(_initial.TotalSeconds * Math.Pow(2, exponent), _max.TotalSeconds);
        var jittered = TimeSpan.FromSeconds(Math.Min(baseSeconds * (0.8 + (0.4 * _random())), _max.TotalSeconds));
        if (retryAfter is { } wait && wait > jittered)
        {
            return wait < MaxRetryAfter ? wait : MaxRetryAfter;
        }

        return jittered;
    }
}

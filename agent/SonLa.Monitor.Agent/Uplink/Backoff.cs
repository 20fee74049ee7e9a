namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Jittered exponential back-off: min × 2^attempt capped at max, then a random 50–100 % of it so 75 sites do not reconnect in lock-step.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double random01)
    {
        var exponent = Math.Clamp(attempt, 0, 30);
        var capped = Math.Min(max.TotalSeconds, min.TotalSeconds * Math.Pow(2, exponent));
        var jittered = capped * (0.5 + (0.5 * Math.Clamp(random01, 0, 1)));
        return TimeSpan.FromSeconds(Math.Max(min.TotalSeconds, jittered));
    }
}

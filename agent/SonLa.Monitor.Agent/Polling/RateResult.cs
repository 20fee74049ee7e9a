namespace SonLa.Monitor.Agent.Polling;

/// <summary>A rate in bits per second, or the reason there is none.</summary>
public readonly record struct RateResult(double? BitsPerSecond, RateOutcome Outcome)
{
    public static RateResult None(RateOutcome outcome) => new(null, outcome);

    /// <summary>The counter restarted from zero: the point carries <c>counter_reset=1</c> so a chart can show the break.</summary>
    public bool IsCounterReset => Outcome is RateOutcome.Reboot or RateOutcome.Discontinuity or RateOutcome.CounterReset;
}

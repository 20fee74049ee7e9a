namespace SonLa.Monitor.Agent.Clock;

/// <summary>When the agent's clock counts as wrong, and when an offset measurement is good enough to act on.</summary>
public sealed record ClockSettings
{
    /// <summary>Offsets within this are left alone: a 60-second poll does not care, and a commune's 4G round trip alone
    /// makes smaller figures noise.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An exchange slower than this says too little about the offset to correct timestamps by it.</summary>
    public TimeSpan MaxRoundTrip { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Our wall clock moving this much against the monotonic clock between two looks is a jump (someone or
    /// something set the time), not NTP slewing.</summary>
    public TimeSpan JumpThreshold { get; init; } = TimeSpan.FromSeconds(2);
}

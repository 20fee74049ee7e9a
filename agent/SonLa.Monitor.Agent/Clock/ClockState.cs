namespace SonLa.Monitor.Agent.Clock;

/// <summary>
/// What is known about the agent's clock right now.
/// <para><see cref="Correction"/> is added to the agent's timestamps. <see cref="Verified"/> is false until an exchange
/// with the collector has measured the clock since the agent started or since the clock last jumped: timestamps taken
/// then are the agent's own, uncorrected, and flagged as such.</para>
/// </summary>
public readonly record struct ClockState(TimeSpan Correction, bool Verified, TimeSpan? LastOffset, long Jumps);

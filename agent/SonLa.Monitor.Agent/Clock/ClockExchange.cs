namespace SonLa.Monitor.Agent.Clock;

/// <summary>
/// One request/answer with the collector (Hello→Welcome, or Heartbeat→Heartbeat), NTP-style: the collector's clock
/// read at some instant between our send and receive. Assuming that instant is the midpoint, the error is at most
/// half the round trip.
/// </summary>
public readonly record struct ClockExchange(DateTimeOffset AgentSent, DateTimeOffset AgentReceived, DateTimeOffset CollectorTime)
{
    public static ClockExchange FromUnixMilliseconds(DateTimeOffset agentSent, DateTimeOffset agentReceived, long collectorUnixMs) =>
        new(agentSent, agentReceived, DateTimeOffset.FromUnixTimeMilliseconds(collectorUnixMs));

    /// <summary>By how much the collector's clock is ahead of ours (negative: ours is ahead).</summary>
    public TimeSpan Offset => CollectorTime - (AgentSent + ((AgentReceived - AgentSent) / 2));

    /// <summary>Our own clock was stepped between send and receive when this is negative: such an exchange measures nothing.</summary>
    public TimeSpan RoundTrip => AgentReceived - AgentSent;

    public TimeSpan Uncertainty => RoundTrip / 2;
}

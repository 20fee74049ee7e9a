using System.Net;

namespace SonLa.Monitor.Agent.Ping;

/// <summary>One round of echo requests to one address.</summary>
public sealed record PingResult(IPAddress Address, int Sent, IReadOnlyList<double> RoundTripMilliseconds)
{
    public int Received => RoundTripMilliseconds.Count;

    /// <summary>Average round trip of the answered requests; null when none was answered (never a zero).</summary>
    public double? AverageRoundTripMilliseconds => Received == 0 ? null : RoundTripMilliseconds.Average();

    public double LossPercent => Sent == 0 ? 100 : 100.0 * (Sent - Received) / Sent;

    public IcmpSocketKind SocketKind { get; init; }

    /// <summary>Why requests could not be sent (no route, ...); they count as lost. Never holds a secret.</summary>
    public string? Error { get; init; }
}

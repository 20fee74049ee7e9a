using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>The points and events one poll produced, plus what happened to reachability.</summary>
public sealed record PollOutput(IReadOnlyList<Point> Points, IReadOnlyList<Event> Events)
{
    /// <summary>Reachability changed with this poll (null on no change).</summary>
    public bool? BecameReachable { get; init; }

    public bool Rebooted { get; init; }

    /// <summary>Rates refused in this poll, by reason (dropped-and-counted, never emitted).</summary>
    public IReadOnlyDictionary<RateOutcome, int> RefusedRates { get; init; } = new Dictionary<RateOutcome, int>();
}

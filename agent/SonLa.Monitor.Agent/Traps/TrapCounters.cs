using SonLa.Monitor.Snmp.Traps;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>The trap receiver's counters for the <c>agent</c> point (zeros while no receiver runs).</summary>
public sealed class TrapCounters
{
    private TrapReceiverStatistics? _statistics;

    public long Received => _statistics?.Received ?? 0;

    public long DroppedUnknownSource => _statistics?.UnknownSource ?? 0;

    public long DroppedAuthentication => _statistics?.AuthenticationFailures ?? 0;

    /// <summary>Over the per-source rate, or beyond the queue between socket and processing.</summary>
    public long RateLimited => (_statistics?.RateLimited ?? 0) + (_statistics?.QueueFull ?? 0);

    public long Malformed => _statistics?.Malformed ?? 0;

    public void Attach(TrapReceiverStatistics statistics) => _statistics = statistics;
}

namespace SonLa.Monitor.Agent.Polling;

/// <summary>Process-wide polling counters, written into the <c>agent</c> point so losses are visible, never silent.</summary>
public sealed class PollingCounters
{
    private long _skippedTicks;
    private long _refusedRates;
    private long _polls;

    public long SkippedTicks => Interlocked.Read(ref _skippedTicks);

    /// <summary>Rates dropped as above speed, ambiguous after a long gap, or a counter reset.</summary>
    public long RefusedRates => Interlocked.Read(ref _refusedRates);

    public long Polls => Interlocked.Read(ref _polls);

    public void TickSkipped() => Interlocked.Increment(ref _skippedTicks);

    public void RatesRefused(int count) => Interlocked.Add(ref _refusedRates, count);

    public void PollDone() => Interlocked.Increment(ref _polls);
}

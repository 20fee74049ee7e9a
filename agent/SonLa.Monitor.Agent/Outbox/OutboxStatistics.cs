namespace SonLa.Monitor.Agent.Outbox;

/// <summary>What the outbox holds and every loss since the process started (all counters only grow).</summary>
public readonly record struct OutboxStatistics(
    int PendingBatches,
    long PendingBytes,
    DateTimeOffset? OldestQueuedAt,
    long DroppedBatches,
    long RejectedBatches,
    long AcknowledgedBatches)
{
    /// <summary>Bytes the outbox's files take on disk (pending and done records until their segment goes).</summary>
    public long FileBytes { get; init; }

    /// <summary>Points lost with dropped batches (quota).</summary>
    public long DroppedPoints { get; init; }

    /// <summary>Points removed by thinning old data to coarser intervals (quota).</summary>
    public long ThinnedPoints { get; init; }

    /// <summary>Damaged records found at start (torn or corrupt tail); each cut a segment short.</summary>
    public long CorruptRecords { get; init; }

    /// <summary>Bytes cut off with those damaged records.</summary>
    public long CorruptBytes { get; init; }
}

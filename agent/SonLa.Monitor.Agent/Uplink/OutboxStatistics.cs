namespace SonLa.Monitor.Agent.Uplink;

/// <summary>What the outbox holds and what it had to drop.</summary>
public readonly record struct OutboxStatistics(
    int PendingBatches,
    long PendingBytes,
    DateTimeOffset? OldestQueuedAt,
    long DroppedBatches,
    long RejectedBatches,
    long AcknowledgedBatches);

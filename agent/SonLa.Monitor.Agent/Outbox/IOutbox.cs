using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// Batches waiting for the collector's BatchAck. A batch stays until acknowledged (or rejected); when the quota is full,
/// the oldest data is thinned, then dropped, always counted. Entries are small index records: the uplink reads a
/// batch's bytes only when it sends it.
/// </summary>
public interface IOutbox
{
    /// <summary>Raised after <see cref="Append"/> so the uplink can send without polling.</summary>
    event Action? Appended;

    /// <summary>Queues a batch (durable for a disk outbox: written to the OS before this returns); never blocks on the network.</summary>
    void Append(SampleBatch batch);

    /// <summary>Position after the newest entry: entries appended later have larger positions.</summary>
    long EndPosition { get; }

    /// <summary>
    /// Up to <paramref name="max"/> waiting entries with <paramref name="after"/> &lt; position &lt; <paramref name="before"/>,
    /// of one lane or any (null), oldest first.
    /// </summary>
    IReadOnlyList<OutboxEntry> Pending(long after, long before, OutboxLane? lane, int max);

    /// <summary>The batch of an entry, or null when it is no longer waiting (acknowledged, dropped, unreadable).</summary>
    SampleBatch? Read(OutboxEntry entry);

    /// <summary>The collector stored the batch: forget it. False when it is not (or no longer) here.</summary>
    bool Acknowledge(string bootId, ulong sequence);

    /// <summary>The collector will never accept the batch: drop it and count it.</summary>
    bool Reject(string bootId, ulong sequence);

    OutboxStatistics Statistics { get; }
}

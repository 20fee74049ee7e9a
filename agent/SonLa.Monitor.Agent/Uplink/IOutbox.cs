using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Batches waiting for the collector's BatchAck. The seam where the durable disk outbox replaces the bounded
/// in-memory one: a batch stays until acknowledged (or rejected); when full, the oldest go first and are counted.
/// </summary>
public interface IOutbox
{
    /// <summary>Raised after <see cref="Append"/> so the uplink can send without polling.</summary>
    event Action? Appended;

    /// <summary>Queues a batch; never blocks on the network. Overflow drops the oldest batches, counted and logged.</summary>
    void Append(SampleBatch batch);

    /// <summary>Up to <paramref name="max"/> waiting batches, oldest first (a snapshot).</summary>
    IReadOnlyList<SampleBatch> Pending(int max);

    /// <summary>The collector stored the batch: forget it. False when it is not (or no longer) here.</summary>
    bool Acknowledge(string bootId, ulong sequence);

    /// <summary>The collector will never accept the batch: drop it and count it.</summary>
    bool Reject(string bootId, ulong sequence);

    OutboxStatistics Statistics { get; }
}

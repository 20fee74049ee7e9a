using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>One waiting batch as the index knows it; its bytes stay on disk until <see cref="IOutbox.Read"/>.</summary>
public readonly record struct OutboxEntry(long Position, OutboxLane Lane, string BootId, ulong Sequence, int Bytes, DateTimeOffset QueuedAt)
{
    public static OutboxLane LaneOf(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Events.Count > 0 ? OutboxLane.Events : OutboxLane.Samples;
    }
}

using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Outbox;

public class MemoryOutboxTests
{
    private static SampleBatch Batch(ulong sequence, int points = 1)
    {
        var batch = new SampleBatch { BootId = "b", Sequence = sequence };
        for (var i = 0; i < points; i++)
        {
            var point = Points.Create("interface", DateTimeOffset.UnixEpoch, ("site", "s"), ("device", "d"));
            point.Fields["in_octets"] = Points.UInt((ulong)i);
            batch.Points.Add(point);
        }

        return batch;
    }

    [Fact]
    public void OverCountBound_OldestDroppedAndCounted()
    {
        var outbox = new MemoryOutbox(3, 1_000_000);
        for (ulong i = 1; i <= 5; i++)
        {
            outbox.Append(Batch(i));
        }

        Assert.Equal([3UL, 4UL, 5UL], outbox.Pending(10).Select(b => b.Sequence));
        Assert.Equal(2, outbox.Statistics.DroppedBatches);
    }

    [Fact]
    public void OverByteBound_OldestDroppedNewestKept()
    {
        var size = Batch(1, 50).CalculateSize();
        var outbox = new MemoryOutbox(1000, (size * 2) + 10);
        for (ulong i = 1; i <= 4; i++)
        {
            outbox.Append(Batch(i, 50));
        }

        Assert.Equal([3UL, 4UL], outbox.Pending(10).Select(b => b.Sequence));
        Assert.Equal(2, outbox.Statistics.DroppedBatches);
        Assert.True(outbox.Statistics.PendingBytes <= (size * 2) + 10);
    }

    [Fact]
    public void Acknowledge_RemovesOnlyThatBatch_InAnyOrder()
    {
        var outbox = new MemoryOutbox(10, 1_000_000);
        for (ulong i = 1; i <= 3; i++)
        {
            outbox.Append(Batch(i));
        }

        Assert.True(outbox.Acknowledge("b", 2));
        Assert.False(outbox.Acknowledge("b", 2));
        Assert.False(outbox.Acknowledge("other", 1));
        Assert.Equal([1UL, 3UL], outbox.Pending(10).Select(b => b.Sequence));
        Assert.True(outbox.Reject("b", 1));
        Assert.Equal((1, 1L, 1L), (outbox.Statistics.PendingBatches, outbox.Statistics.AcknowledgedBatches, outbox.Statistics.RejectedBatches));
    }

    [Fact]
    public void Batcher_QueuesEveryWriteAtOnce_NumbersBatchesAndSplitsAtMaxPoints()
    {
        var outbox = new MemoryOutbox(100, 1_000_000);
        var batcher = new SampleBatcher(new AgentIdentity("s", "boot", "v"), outbox, maxBatchPoints: 2);
        var points = Batch(0, 5).Points.ToList();
        batcher.Write(points, [new Event { Kind = "reboot", Device = "d" }]);
        var batches = outbox.Pending(10);
        Assert.Equal([1UL, 2UL, 3UL], batches.Select(b => b.Sequence));
        Assert.Equal([2, 2, 1], batches.Select(b => b.Points.Count));
        Assert.Equal(1, batches.Sum(b => b.Events.Count));
        Assert.All(batches, b => Assert.Equal("boot", b.BootId));
    }
}

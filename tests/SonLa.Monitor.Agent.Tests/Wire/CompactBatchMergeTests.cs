using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

public sealed class CompactBatchMergeTests
{
    private static SampleBatch Poll(ulong sequence, int minute, bool compact)
    {
        var batch = new SampleBatch { BootId = "boot", Sequence = sequence, Backfill = true };
        for (var i = 1; i <= 10; i++)
        {
            batch.Points.Add(WirePoints.Interface("router", i, WirePoints.Time + (minute * 60_000_000_000L), (ulong)(i * 1000 + minute), minute * 0.5));
        }

        if (compact)
        {
            CompactBatchCodec.Compact(batch);
        }

        return batch;
    }

    [Fact]
    public void Merge_StandsForEveryBatch_WithAllPointsAndEvents()
    {
        var batches = new[] { Poll(7, 0, compact: true), Poll(8, 1, compact: false), Poll(10, 2, compact: true) };
        batches[1].Events.Add(new Event { Device = "router", Kind = "reboot", Message = "khởi động lại", TimeUnixNs = WirePoints.Time });
        var expected = batches.SelectMany(CompactBatchCodec.Expand).ToList();

        var merged = CompactBatchCodec.Merge(batches);

        Assert.Equal("boot", merged.BootId);
        Assert.Equal(7UL, merged.Sequence);
        Assert.Equal([8UL, 10UL], merged.MergedSequences);
        Assert.True(merged.Backfill);
        Assert.Empty(merged.Points);
        Assert.Equal("reboot", Assert.Single(merged.Events).Kind);
        WirePoints.AssertSameSet(expected, CompactBatchCodec.Expand(merged));
        Assert.True(merged.CalculateSize() < batches.Sum(b => b.CalculateSize()) / 2, "one merged batch is much smaller than its parts");
    }

    [Fact]
    public void Merge_OfMergedBatches_KeepsEverySequence()
    {
        var first = CompactBatchCodec.Merge([Poll(1, 0, true), Poll(2, 1, true)]);
        var second = CompactBatchCodec.Merge([Poll(3, 2, true), Poll(4, 3, true)]);

        var merged = CompactBatchCodec.Merge([first, second]);

        Assert.Equal(1UL, merged.Sequence);
        Assert.Equal([2UL, 3UL, 4UL], merged.MergedSequences);
        Assert.Equal(40, CompactBatchCodec.Expand(merged).Count);
    }

    [Fact]
    public void Merge_DifferentBootIds_IsRefused()
    {
        var other = Poll(1, 0, true);
        other.BootId = "other";

        Assert.Throws<ArgumentException>(() => CompactBatchCodec.Merge([Poll(1, 0, true), other]));
        Assert.Throws<ArgumentException>(() => CompactBatchCodec.Merge([]));
    }
}

using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Outbox;

/// <summary>The disk outbox on real files: appends, acknowledgements, restarts.</summary>
public sealed class DiskOutboxTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("sonla-outbox");
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    private string Folder => _dir.File("outbox");

    private DiskOutbox Open(long maxBytes = 64L * 1024 * 1024, long segmentBytes = 0, ListLogger<DiskOutbox>? logger = null) =>
        new(Folder, maxBytes, int.MaxValue, _time, logger, segmentBytes);

    [Fact]
    public void Append_ThenRead_GivesTheSameBatchBack_WithLaneAndQueuedAt()
    {
        using var outbox = Open();
        var samples = OutboxBatches.Samples("boot-a", 1, Start);
        var trap = OutboxBatches.Event("boot-a", 2, Start);
        outbox.Append(samples);
        _time.Advance(TimeSpan.FromSeconds(5));
        outbox.Append(trap);

        var entries = outbox.Pending(long.MinValue, long.MaxValue, null, 10);
        Assert.Equal([(OutboxLane.Samples, 1UL), (OutboxLane.Events, 2UL)], entries.Select(e => (e.Lane, e.Sequence)));
        Assert.Equal([Start, Start.AddSeconds(5)], entries.Select(e => e.QueuedAt));
        Assert.Equal(samples, outbox.Read(entries[0]));
        Assert.Equal(trap, outbox.Read(entries[1]));
        Assert.Equal([2UL], outbox.Pending(long.MinValue, long.MaxValue, OutboxLane.Events, 10).Select(e => e.Sequence));
        Assert.Equal([2UL], outbox.Pending(entries[0].Position, long.MaxValue, null, 10).Select(e => e.Sequence));
        Assert.Equal([1UL], outbox.Pending(long.MinValue, entries[1].Position, null, 10).Select(e => e.Sequence));
        Assert.Equal(Start, outbox.Statistics.OldestQueuedAt);
    }

    [Fact]
    public void Append_IsOnDiskBeforeItReturns_ASecondOpenWithoutCloseSeesIt()
    {
        // As after kill -9: the first instance is never disposed or synced.
        var first = Open();
        for (ulong i = 1; i <= 5; i++)
        {
            first.Append(OutboxBatches.Samples("boot-a", i, Start));
        }

        using var second = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time);
        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], OutboxBatches.PendingSequences(second));
        Assert.Equal(0, second.Statistics.CorruptRecords);
        GC.KeepAlive(first);
    }

    [Fact]
    public void RestartWithBacklog_AckedAndRejectedAreNotSeenAgain_UnackedComeBackInOrder()
    {
        using (var outbox = Open(segmentBytes: 600))
        {
            for (ulong i = 1; i <= 20; i++)
            {
                outbox.Append(i % 5 == 0 ? OutboxBatches.Event("boot-a", i, Start) : OutboxBatches.Samples("boot-a", i, Start));
            }

            foreach (var done in new ulong[] { 1, 2, 3, 7, 10, 15, 16 })
            {
                Assert.True(outbox.Acknowledge("boot-a", done));
            }

            Assert.True(outbox.Reject("boot-a", 4));
            Assert.False(outbox.Acknowledge("boot-a", 4));
            Assert.False(outbox.Acknowledge("boot-b", 5));
            Assert.Equal((12, 7L, 1L), (outbox.Statistics.PendingBatches, outbox.Statistics.AcknowledgedBatches, outbox.Statistics.RejectedBatches));
        }

        using var reopened = Open(segmentBytes: 600);
        var expected = new ulong[] { 5, 6, 8, 9, 11, 12, 13, 14, 17, 18, 19, 20 };
        Assert.Equal(expected, OutboxBatches.PendingSequences(reopened));
        Assert.Equal(12, reopened.Statistics.PendingBatches);
        var entries = reopened.Pending(long.MinValue, long.MaxValue, null, 100);
        Assert.All(entries, e => Assert.Equal(e.Sequence, reopened.Read(e)!.Sequence));
        Assert.Equal(0, reopened.Statistics.CorruptRecords);

        // A new boot appends after the old backlog; positions keep the order.
        reopened.Append(OutboxBatches.Samples("boot-b", 1, Start));
        Assert.Equal([.. expected, 1UL], OutboxBatches.PendingSequences(reopened));
        Assert.True(reopened.Acknowledge("boot-b", 1));
        Assert.True(reopened.Acknowledge("boot-a", 20));
    }

    [Fact]
    public void SegmentsRoll_AndAFullyAcknowledgedSegmentFileIsDeleted()
    {
        using var outbox = Open(segmentBytes: 1000);
        for (ulong i = 1; i <= 30; i++)
        {
            outbox.Append(OutboxBatches.Samples("boot-a", i, Start));
        }

        var segments = Directory.GetFiles(Folder, "*.seg");
        Assert.True(segments.Length >= 5, $"{segments.Length} segments");
        for (ulong i = 1; i <= 30; i++)
        {
            Assert.True(outbox.Acknowledge("boot-a", i));
        }

        // Only the segment being written remains, and nothing is waiting.
        Assert.Single(Directory.GetFiles(Folder, "*.seg"));
        Assert.Equal(0, outbox.Statistics.PendingBatches);
        Assert.Null(outbox.Statistics.OldestQueuedAt);
        Assert.True(outbox.Statistics.FileBytes <= 1000);
    }

    [Fact]
    public void OutOfOrderBootIds_InOneSegment_StillFoundForAcknowledgement()
    {
        using var outbox = Open();
        outbox.Append(OutboxBatches.Samples("boot-a", 5, Start));
        outbox.Append(OutboxBatches.Samples("boot-b", 1, Start));
        outbox.Append(OutboxBatches.Samples("boot-a", 3, Start));
        Assert.True(outbox.Acknowledge("boot-a", 3));
        Assert.True(outbox.Acknowledge("boot-b", 1));
        Assert.Equal([5UL], OutboxBatches.PendingSequences(outbox));
    }

    [Fact]
    public void OpeningLogsWhatWaits_OneLine()
    {
        using (var outbox = Open())
        {
            outbox.Append(OutboxBatches.Samples("boot-a", 1, Start));
        }

        var logger = new ListLogger<DiskOutbox>();
        using var reopened = Open(logger: logger);
        var line = Assert.Single(logger.Lines);
        Assert.Contains("1 batch(es) waiting", line.Text, StringComparison.Ordinal);
    }
}

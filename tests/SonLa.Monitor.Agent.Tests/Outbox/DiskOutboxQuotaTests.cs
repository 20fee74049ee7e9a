using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Outbox;

/// <summary>A long outage with a tiny quota: the oldest data is thinned first, dropped only then, and every loss is said.</summary>
public sealed class DiskOutboxQuotaTests : IDisposable
{
    private const long Quota = 64 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("sonla-outbox-quota");
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TwoDayOutage_ThinsTheOldestBeforeDropping_NewestAlwaysKept_WithinQuota()
    {
        var logger = new ListLogger<DiskOutbox>();
        using var outbox = new DiskOutbox(_dir.File("outbox"), Quota, int.MaxValue, _time, logger);
        OutboxStatistics? firstLoss = null;
        long appendedPoints = 0;
        var recordBytes = 0L;
        const int Minutes = 48 * 60;
        for (ulong minute = 1; minute <= Minutes; minute++)
        {
            var now = _time.GetUtcNow();
            var batch = minute % 97 == 0 ? OutboxBatches.Event("boot-a", minute, now) : OutboxBatches.Samples("boot-a", minute, now);
            appendedPoints += batch.Points.Count;
            var before = outbox.Statistics.FileBytes;
            outbox.Append(batch);
            recordBytes = Math.Max(recordBytes, outbox.Statistics.FileBytes - before);

            var statistics = outbox.Statistics;
            if (firstLoss is null && (statistics.ThinnedPoints > 0 || statistics.DroppedBatches > 0))
            {
                firstLoss = statistics;
            }

            // The newest is never the victim, and the files stay within the quota.
            var newest = outbox.Pending(outbox.EndPosition - 2, long.MaxValue, null, 1);
            Assert.Equal(minute, Assert.Single(newest).Sequence);
            Assert.True(statistics.FileBytes <= Quota, $"{statistics.FileBytes} bytes on disk at minute {minute}");
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        // Thinning came first: the first loss was thinned points, with nothing dropped yet.
        Assert.NotNull(firstLoss);
        Assert.True(firstLoss.Value.ThinnedPoints > 0);
        Assert.Equal(0, firstLoss.Value.DroppedBatches);

        // Then, two days later, the oldest had to go too: counted in batches and points.
        var end = outbox.Statistics;
        Assert.True(end.DroppedBatches > 0 && end.DroppedPoints > 0, $"dropped {end.DroppedBatches} batches");
        var entries = outbox.Pending(long.MinValue, long.MaxValue, null, int.MaxValue);
        var batches = entries.Select(e => outbox.Read(e)!).ToList();
        var keptPoints = batches.Sum(b => b.Points.Count);
        Assert.Equal(appendedPoints, keptPoints + end.ThinnedPoints + end.DroppedPoints);

        // Thinning bought history: the oldest sample kept is far older than what dropping alone could have kept.
        var fifoMinutes = Quota / recordBytes;
        var oldest = DateTimeOffset.UnixEpoch.AddTicks(batches.SelectMany(b => b.Points).Min(p => p.TimeUnixNs) / 100);
        Assert.True(_time.GetUtcNow() - oldest > TimeSpan.FromMinutes(fifoMinutes * 2), $"oldest kept {oldest:u}, FIFO would keep {fifoMinutes} min");

        // Said, not silent: a warning at most once a minute, naming thinned and dropped counts.
        var warnings = logger.Lines.Where(l => l.Level == LogLevel.Warning && l.Text.Contains("over its quota", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.True(warnings.Count <= Minutes);
        Assert.Contains("point(s) dropped", warnings[^1].Text, StringComparison.Ordinal);
        var message = AgentStatusService.DataLostMessage(default, end);
        Assert.NotNull(message);
        Assert.Contains("thinned to coarser intervals", message, StringComparison.Ordinal);
        Assert.Contains("oldest batch(es)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thinning_KeepsEveryEvent_AndOneSamplePerSeriesPerFiveMinutes()
    {
        using var outbox = new DiskOutbox(_dir.File("outbox"), Quota, int.MaxValue, _time);
        var events = 0;
        for (ulong minute = 1; outbox.Statistics.ThinnedPoints == 0; minute++)
        {
            var now = _time.GetUtcNow();
            var isEvent = minute % 7 == 0;
            events += isEvent ? 1 : 0;
            outbox.Append(isEvent ? OutboxBatches.Event("boot-a", minute, now) : OutboxBatches.Samples("boot-a", minute, now));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, outbox.Statistics.DroppedBatches);
        var thinned = Assert.Single(Directory.GetFiles(_dir.File("outbox"), "*-1.seg"));
        Assert.NotNull(thinned);
        var batches = outbox.Pending(long.MinValue, long.MaxValue, null, int.MaxValue).Select(e => outbox.Read(e)!).ToList();
        Assert.Equal(events, batches.Sum(b => b.Events.Count));
        var firstSegmentPoints = batches.SelectMany(b => b.Points).TakeWhile(p => p.TimeUnixNs < Points.ToUnixNanoseconds(Start.AddMinutes(15)));
        Assert.All(firstSegmentPoints.GroupBy(p => (p.Tags["if_index"], p.TimeUnixNs / (300L * 1_000_000_000))), g => Assert.Single(g));
    }

    [Fact]
    public void MaxBatches_BoundsTheIndex_OldestDroppedAndCounted()
    {
        using var outbox = new DiskOutbox(_dir.File("outbox"), 64L * 1024 * 1024, maxBatches: 50, _time, segmentBytes: 2048);
        for (ulong i = 1; i <= 500; i++)
        {
            outbox.Append(OutboxBatches.Samples("boot-a", i, Start));
            Assert.True(outbox.Statistics.PendingBatches <= 50);
        }

        Assert.Equal(500UL, OutboxBatches.PendingSequences(outbox)[^1]);
        Assert.Equal(500 - outbox.Statistics.PendingBatches, outbox.Statistics.DroppedBatches);
    }

    [Fact]
    public void OneBatchBiggerThanTheQuota_IsKept_AsTheNewestState()
    {
        using var outbox = new DiskOutbox(_dir.File("outbox"), 1024, int.MaxValue, _time);
        outbox.Append(OutboxBatches.Samples("boot-a", 1, Start, interfaces: 50));
        Assert.Equal([1UL], OutboxBatches.PendingSequences(outbox));
        outbox.Append(OutboxBatches.Samples("boot-a", 2, Start, interfaces: 50));
        Assert.Equal([2UL], OutboxBatches.PendingSequences(outbox));
        Assert.Equal((50L, 1L), (outbox.Statistics.DroppedPoints, outbox.Statistics.DroppedBatches));
    }
}

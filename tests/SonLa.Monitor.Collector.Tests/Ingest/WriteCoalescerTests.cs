using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Ingest;

public sealed class WriteCoalescerTests : IAsyncLifetime
{
    private readonly GatedWriter _writer = new();
    private readonly CollectorMetrics _metrics = new();
    private readonly StorageHealth _health = new(new ListLogger<StorageHealth>(), new FakeTimeProvider());
    private WriteCoalescer _coalescer = null!;

    private IngestOptions _options = new() { MaxWritesInFlight = 1, WriteMaxPoints = 100, QueueMaxBytes = 64 * 1024 };

    public Task InitializeAsync() => StartAsync(_options);

    private async Task StartAsync(IngestOptions options)
    {
        if (_coalescer is not null)
        {
            await _coalescer.StopAsync(CancellationToken.None);
            _coalescer.Dispose();
        }

        _options = options;
        _coalescer = new WriteCoalescer(_writer, _health, _metrics, Options.Create(options));
        await _coalescer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _writer.Open = true;
        foreach (var write in _writer.Writes)
        {
            write.Release();
        }

        await _coalescer.StopAsync(CancellationToken.None);
        _coalescer.Dispose();
    }

    // One batch of `points` lines, each "m,agent=A v=Ni T": about 30 bytes a line.
    private static LineBatch Batch(string agent, int points, int first = 0) =>
        LineBatch.From(Enumerable.Range(first, points)
            .Select(i => new LinePoint("m", [new("agent", agent)], [new("v", LineValue.FromInteger(i))], 1_000 + i)).ToList());

    [Fact]
    public async Task LoneBatch_IsWrittenAtOnce_WithoutWaitingForOthers()
    {
        var pending = await _coalescer.EnqueueAsync(Batch("a", 3), CancellationToken.None);

        await _writer.WaitForWritesAsync(1);
        Assert.False(pending.Completion.IsCompleted);
        _writer.Writes[0].Release();

        Assert.True((await pending.Completion).IsStored);
        Assert.Equal(3, _writer.Writes[0].Points);
    }

    [Fact]
    public async Task BatchesArrivingWhileAWriteRuns_MergeIntoTheNextWrite_UpToWriteMaxPoints()
    {
        var first = await _coalescer.EnqueueAsync(Batch("a", 10), CancellationToken.None);
        await _writer.WaitForWritesAsync(1);

        // 30 batches of 10 points from 30 agents while the only slot is busy.
        var waiting = new List<PendingWrite>();
        for (var agent = 0; agent < 30; agent++)
        {
            waiting.Add(await _coalescer.EnqueueAsync(Batch("agent" + agent, 10), CancellationToken.None));
        }

        _writer.Open = true;
        _writer.Writes[0].Release();
        var results = await Task.WhenAll(waiting.Select(p => p.Completion).Append(first.Completion));

        Assert.All(results, r => Assert.True(r.IsStored));
        // 1 lone write, then 300 points in writes of at most 100: 3 more.
        Assert.Equal([10, 100, 100, 100], _writer.Writes.Select(w => w.Points));
        Assert.Equal(1, _writer.MaxConcurrent);
        Assert.Equal(4, _coalescer.Statistics.Writes);
        Assert.Equal(31, _coalescer.Statistics.BatchesWritten);
        Assert.Equal(0, _coalescer.Statistics.HeldBytes);
    }

    [Fact]
    public async Task WritesInFlight_NeverExceedTheLimit()
    {
        await StartAsync(new IngestOptions { MaxWritesInFlight = 3, WriteMaxPoints = 5 });
        var pending = new List<PendingWrite>();
        for (var i = 0; i < 20; i++)
        {
            pending.Add(await _coalescer.EnqueueAsync(Batch("a" + i, 5), CancellationToken.None));
        }

        await _writer.WaitForWritesAsync(3);
        Assert.Equal(3, _coalescer.Statistics.WritesInFlight);
        Assert.Equal(3, _writer.Writes.Count);
        _writer.Open = true;
        foreach (var write in _writer.Writes)
        {
            write.Release();
        }

        await Task.WhenAll(pending.Select(p => p.Completion));
        Assert.Equal(20, _writer.Writes.Count);
        Assert.Equal(3, _writer.MaxConcurrent);
    }

    [Fact]
    public async Task FullQueue_EnqueueWaits_UntilAWriteCompletes_AndHeldBytesNeverExceedTheBound()
    {
        var one = Batch("a", 10);
        await StartAsync(new IngestOptions { MaxWritesInFlight = 1, WriteMaxPoints = 1000, QueueMaxBytes = 64 * 1024 });
        var count = (int)(64 * 1024 / one.HeldBytes);
        var admitted = new List<PendingWrite>();
        for (var i = 0; i < count; i++)
        {
            admitted.Add(await _coalescer.EnqueueAsync(Batch("a", 10), CancellationToken.None));
        }

        await _writer.WaitForWritesAsync(1);
        var blocked = _coalescer.EnqueueAsync(Batch("b", 10), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(1, _coalescer.Statistics.StreamsWaitingForRoom);

        _writer.Open = true;
        _writer.Writes[0].Release();
        var late = await blocked;

        Assert.True((await late.Completion).IsStored);
        await Task.WhenAll(admitted.Select(p => p.Completion));
        var statistics = _coalescer.Statistics;
        Assert.True(statistics.HighWaterBytes <= statistics.LimitBytes, $"{statistics.HighWaterBytes} > {statistics.LimitBytes}");
        Assert.True(statistics.HighWaterBytes > statistics.LimitBytes - (2 * one.HeldBytes));
    }

    [Fact]
    public async Task BatchLargerThanTheBound_IsAdmittedAlone_NeverDeadlocks()
    {
        await StartAsync(new IngestOptions { MaxWritesInFlight = 1, QueueMaxBytes = 64 * 1024 });
        _writer.Open = true;
        var huge = Batch("a", 5000);
        Assert.True(huge.Bytes > 64 * 1024);

        var pending = await _coalescer.EnqueueAsync(huge, CancellationToken.None);

        Assert.True((await pending.Completion).IsStored);
    }

    [Fact]
    public async Task Unavailable_EveryBatchOfTheWriteIsUnavailable_AndHealthSaysSo()
    {
        _writer.Unavailable = true;
        var first = await _coalescer.EnqueueAsync(Batch("a", 1), CancellationToken.None);
        await _writer.WaitForWritesAsync(1);
        var second = await _coalescer.EnqueueAsync(Batch("b", 1), CancellationToken.None);
        var third = await _coalescer.EnqueueAsync(Batch("c", 1), CancellationToken.None);
        _writer.Open = true;
        _writer.Writes[0].Release();

        var results = await Task.WhenAll(first.Completion, second.Completion, third.Completion);

        Assert.All(results, r => Assert.NotNull(r.Unavailable));
        Assert.Equal(TimeSpan.FromSeconds(7), results[2].Unavailable!.RetryAfter);
        Assert.Equal(2, _writer.Writes.Count);
        Assert.False(_health.IsReachable);
        Assert.Equal(2, _metrics.InfluxWriteFailures);
    }

    [Fact]
    public async Task RefusedMergedWrite_IsSplit_OnlyTheBadBatchIsRejected()
    {
        var blocker = await _coalescer.EnqueueAsync(Batch("first", 1), CancellationToken.None);
        await _writer.WaitForWritesAsync(1);
        var pending = new List<PendingWrite>();
        for (var agent = 0; agent < 9; agent++)
        {
            pending.Add(await _coalescer.EnqueueAsync(Batch(agent == 6 ? "bad" : "good" + agent, 2), CancellationToken.None));
        }

        _writer.RefuseContaining = "agent=bad";
        _writer.Open = true;
        _writer.Writes[0].Release();
        var results = await Task.WhenAll(pending.Select(p => p.Completion));

        Assert.True((await blocker.Completion).IsStored);
        for (var agent = 0; agent < 9; agent++)
        {
            Assert.Equal(agent == 6, results[agent].Rejected is not null);
            Assert.Null(results[agent].Unavailable);
        }

        Assert.Contains("field type conflict", results[6].Rejected!.Message, StringComparison.Ordinal);
        // One merged write of 9, then halves down to the bad one: 9 → 4+5 → 5 → 2+3 → 3 → 1+2 → 2 → 1+1.
        Assert.True(_coalescer.Statistics.SplitRetries >= 1);
        Assert.True(_writer.Writes.Count <= 1 + 1 + (2 * 4), string.Join(",", _writer.Writes.Select(w => w.Points)));
        Assert.True(_health.IsReachable);
    }

    [Fact]
    public async Task Stopping_AnswersWhatIsQueuedAsUnavailable()
    {
        var first = await _coalescer.EnqueueAsync(Batch("a", 1), CancellationToken.None);
        await _writer.WaitForWritesAsync(1);
        var queued = await _coalescer.EnqueueAsync(Batch("b", 1), CancellationToken.None);

        await _coalescer.StopAsync(CancellationToken.None);

        Assert.NotNull((await first.Completion).Unavailable);
        Assert.NotNull((await queued.Completion).Unavailable);
        var after = await _coalescer.EnqueueAsync(Batch("c", 1), CancellationToken.None);
        Assert.NotNull((await after.Completion).Unavailable);
    }
}

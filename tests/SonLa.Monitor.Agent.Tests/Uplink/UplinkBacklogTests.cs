using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Outbox;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Uplink;

/// <summary>The uplink draining a disk outbox into an in-process collector: live first, lanes, backfill flag, restarts, failover.</summary>
public sealed class UplinkBacklogTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("sonla-uplink-backlog");
    private readonly List<IDisposable> _disposables = [];
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            if (disposable is UplinkService uplink)
            {
                await uplink.StopAsync(CancellationToken.None);
            }

            disposable.Dispose();
        }

        await _gateway.DisposeAsync();
        _dir.Dispose();
    }

    private DiskOutbox OpenOutbox()
    {
        var outbox = new DiskOutbox(_dir.File("outbox"), 64L * 1024 * 1024, int.MaxValue, TimeProvider.System, segmentBytes: 4096);
        _disposables.Add(outbox);
        return outbox;
    }

    private UplinkService Uplink(IOutbox outbox, IReadOnlyList<Uri> urls, UplinkSettings? settings = null, ListLogger<UplinkService>? logger = null)
    {
        var endpoints = new List<CollectorEndpoint>();
        foreach (var url in urls)
        {
            var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = url, Token = new Secret("site-token-1234") });
            _disposables.Add(channel);
            endpoints.Add(new CollectorEndpoint(url, new AgentGateway.AgentGatewayClient(channel)));
        }

        var uplink = new UplinkService(endpoints, new AgentIdentity("chieng-coi", "boot-now", "test"), outbox, "site-token-1234",
            settings ?? new UplinkSettings { BacklogMergeBatches = 1, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200), HeartbeatInterval = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, (Microsoft.Extensions.Logging.ILogger<UplinkService>?)logger ?? NullLogger<UplinkService>.Instance);
        _disposables.Add(uplink);
        return uplink;
    }

    [Fact]
    public async Task Backlog_EventsLaneFirstThenSamples_OldestFirst_AllMarkedBackfill()
    {
        var outbox = OpenOutbox();
        for (ulong i = 1; i <= 30; i++)
        {
            outbox.Append(i % 10 == 0 ? OutboxBatches.Event("boot-old", i, Start) : OutboxBatches.Samples("boot-old", i, Start));
        }

        await Uplink(outbox, [_gateway.Url]).StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "backlog delivered");

        var received = _gateway.Batches.Select(b => b.Batch).ToList();
        Assert.Equal([10UL, 20UL, 30UL, .. Enumerable.Range(1, 30).Where(i => i % 10 != 0).Select(i => (ulong)i)], received.Select(b => b.Sequence));
        Assert.All(received, b => Assert.True(b.Backfill));

        // On the wire the samples travel in the compact encoding (the gateway expanded them back, as the collector does).
        Assert.Equal(27, _gateway.CompactBatches);
        Assert.Equal(3, received[^1].Points.Count);

        // Every segment was fully acknowledged: only the one being written is left.
        Assert.Single(Directory.GetFiles(_dir.File("outbox"), "*.seg"));
    }

    [Fact]
    public async Task Backlog_TravelsMergedManyBatchesAMessage_EveryMergedBatchAcknowledged_LanesKeptApart()
    {
        var outbox = OpenOutbox();
        for (ulong i = 1; i <= 150; i++)
        {
            outbox.Append(i % 50 == 0 ? OutboxBatches.Event("boot-old", i, Start.AddMinutes(i)) : OutboxBatches.Samples("boot-old", i, Start.AddMinutes(i)));
        }

        var pointsStored = outbox.Pending(long.MinValue, long.MaxValue, null, 1000).Sum(e => outbox.Read(e)!.Points.Count);
        var settings = new UplinkSettings { BacklogMergeBatches = 60, HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        await Uplink(outbox, [_gateway.Url], settings).StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "backlog delivered");

        var messages = _gateway.Batches.Select(b => b.Batch).Where(b => b.Points.Count > 0 || b.Events.Count > 0).ToList();
        // 3 event batches in one message, 147 sample batches in messages of at most 60.
        Assert.Equal(4, messages.Count);
        Assert.Equal(3, messages[0].Events.Count);
        Assert.Equal([50UL, 100UL, 150UL], _gateway.Batches.Take(3).Select(b => b.Batch.Sequence));
        Assert.Equal(Enumerable.Range(1, 150).Select(i => (ulong)i).Order(), _gateway.Batches.Select(b => b.Batch.Sequence).Order());
        Assert.Equal(pointsStored, messages.Sum(m => m.Points.Count));
        Assert.All(_gateway.Batches, b => Assert.True(b.Batch.Backfill));
        Assert.Equal(150, outbox.Statistics.AcknowledgedBatches);
    }

    [Fact]
    public async Task LiveBatches_GoOutAtOnce_WhileTheBacklogWaits_AndAreNotBackfill()
    {
        // The collector holds backlog batches unacknowledged: the backlog fills its share and stops there.
        _gateway.Decide = (_, batch) => batch.Backfill ? BatchDecision.Ignore : BatchDecision.Ack;
        var outbox = OpenOutbox();
        for (ulong i = 1; i <= 200; i++)
        {
            outbox.Append(OutboxBatches.Samples("boot-old", i, Start));
        }

        var settings = new UplinkSettings { BacklogMergeBatches = 1, Window = 16, LiveReserve = 4, HeartbeatInterval = TimeSpan.FromMilliseconds(200) };
        var uplink = Uplink(outbox, [_gateway.Url], settings);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _gateway.Batches.Count >= 12, Deadline, "the backlog's share of the window");

        for (ulong i = 1; i <= 20; i++)
        {
            outbox.Append(OutboxBatches.Samples("boot-now", i, Start.AddDays(1)));
        }

        await Poll.UntilAsync(() => _gateway.Batches.Count(b => !b.Batch.Backfill) == 20, Deadline, "every live batch through the reserved slots");
        Assert.Equal(12, _gateway.Batches.Count(b => b.Batch.Backfill));
        Assert.All(_gateway.Batches.Where(b => !b.Batch.Backfill), b => Assert.Equal("boot-now", b.Batch.BootId));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), _gateway.Batches.Where(b => !b.Batch.Backfill).Select(b => b.Batch.Sequence));
        Assert.Equal(200, outbox.Statistics.PendingBatches);
    }

    [Fact]
    public async Task AgentRestartWithBacklog_AckedBatchesNotResent_RestDeliveredOnceInOrder()
    {
        // First run: the collector acknowledges 1..25 of 60 and then goes silent; the agent stops (as on kill -9, unsynced).
        _gateway.Decide = (_, batch) => batch.Sequence <= 25 ? BatchDecision.Ack : BatchDecision.Ignore;
        var first = new DiskOutbox(_dir.File("outbox"), 64L * 1024 * 1024, int.MaxValue, TimeProvider.System, segmentBytes: 4096);
        for (ulong i = 1; i <= 60; i++)
        {
            first.Append(OutboxBatches.Samples("boot-1", i, Start.AddMinutes(i)));
        }

        var uplink = Uplink(first, [_gateway.Url]);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => first.Statistics.AcknowledgedBatches == 25, Deadline, "25 acknowledged");
        await uplink.StopAsync(CancellationToken.None);

        // Second run: a new process on the same folder.
        await using var collector = await TestGateway.StartAsync();
        var second = OpenOutbox();
        Assert.Equal(35, second.Statistics.PendingBatches);
        var restarted = Uplink(second, [collector.Url]);
        await restarted.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => second.Statistics.PendingBatches == 0, Deadline, "the rest delivered");
        await restarted.StopAsync(CancellationToken.None);

        var resent = collector.Batches.Select(b => b.Batch.Sequence).ToList();
        Assert.Equal(Enumerable.Range(26, 35).Select(i => (ulong)i), resent);
        Assert.All(collector.Batches, b => Assert.True(b.Batch.Backfill));
        GC.KeepAlive(first);
    }

    [Fact]
    public async Task FirstUrlDead_FailsOverToTheNext_AndSaysWhichIsInUse()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort.Tcp()}");
        var outbox = OpenOutbox();
        outbox.Append(OutboxBatches.Samples("boot-now", 1, Start));
        var logger = new ListLogger<UplinkService>();
        var uplink = Uplink(outbox, [dead, _gateway.Url], logger: logger);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "delivered through the second URL");

        Assert.Equal(_gateway.Url, uplink.CurrentUrl);
        Assert.Contains(logger.Lines, l => l.Text.Contains($"trying the next collector URL {_gateway.Url}", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Text.StartsWith($"Connected to collector {_gateway.Url}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectedCollectorDies_TheOtherUrlTakesOver_UnackedResent()
    {
        await using var standby = await TestGateway.StartAsync();
        _gateway.Decide = (_, batch) => batch.Sequence <= 3 ? BatchDecision.Ack : BatchDecision.DropStream;
        var outbox = OpenOutbox();
        var uplink = Uplink(outbox, [_gateway.Url, standby.Url]);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => uplink.IsConnected, Deadline, "connected to the first");
        for (ulong i = 1; i <= 6; i++)
        {
            outbox.Append(OutboxBatches.Samples("boot-now", i, Start));
        }

        await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "delivered");
        await uplink.StopAsync(CancellationToken.None);
        Assert.Equal([1UL, 2UL, 3UL, 4UL], _gateway.Batches.Select(b => b.Batch.Sequence).Take(4));
        Assert.Contains(4UL, standby.Batches.Select(b => b.Batch.Sequence));
        Assert.Equal(6, (int)outbox.Statistics.AcknowledgedBatches);
    }
}

using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Uplink;

public sealed class UplinkServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly AgentIdentity _identity = new("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
    private readonly MemoryOutbox _outbox = new(1000, 64L * 1024 * 1024);
    private TestGateway _gateway = null!;
    private GrpcChannel _channel = null!;
    private UplinkService _uplink = null!;

    public async Task InitializeAsync()
    {
        _gateway = await TestGateway.StartAsync();
        _channel = CollectorChannelFactory.Create(new CollectorOptions { Url = _gateway.Url, Token = new Secret("site-token-1234") });
        _uplink = new UplinkService(
            new AgentGateway.AgentGatewayClient(_channel), _identity, _outbox, "site-token-1234", _gateway.Url,
            new UplinkSettings { BacklogMergeBatches = 1, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200), HeartbeatInterval = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger<UplinkService>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _uplink.StopAsync(CancellationToken.None);
        _uplink.Dispose();
        _channel.Dispose();
        await _gateway.DisposeAsync();
    }

    private SampleBatch Batch(ulong sequence)
    {
        var batch = new SampleBatch { BootId = _identity.BootId, Sequence = sequence };
        var point = Points.Create("device", DateTimeOffset.UtcNow, ("site", "chieng-coi"), ("device", "router"));
        point.Fields["reachable"] = Points.Int(1);
        batch.Points.Add(point);
        return batch;
    }

    [Fact]
    public async Task Batches_ArriveInOrderWithBearerTokenAndLeaveTheOutboxWhenAcked()
    {
        for (ulong i = 1; i <= 3; i++)
        {
            _outbox.Append(Batch(i));
        }

        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _outbox.Statistics.PendingBatches == 0, Deadline, "all batches acknowledged");

        Assert.Equal([1UL, 2UL, 3UL], _gateway.Batches.Select(b => b.Batch.Sequence));
        Assert.All(_gateway.Authorizations, a => Assert.Equal("Bearer site-token-1234", a));
        var hello = Assert.Single(_gateway.Hellos);
        Assert.Equal(("chieng-coi", _identity.BootId, "0.1.0-test"), (hello.SiteId, hello.BootId, hello.AgentVersion));
        Assert.Equal(3, _outbox.Statistics.AcknowledgedBatches);

        // Live data after connecting goes straight out too.
        _outbox.Append(Batch(4));
        await Poll.UntilAsync(() => _outbox.Statistics.PendingBatches == 0, Deadline, "batch 4 acknowledged");
        Assert.Equal(4UL, _gateway.Batches.Last().Batch.Sequence);
    }

    [Fact]
    public async Task StreamDropped_UnackedBatchesResentOnNewStream_AckedOnesNot()
    {
        // Stream 1 acknowledges 1 and 2; then dies on 3 without acknowledging it; later streams acknowledge all.
        _gateway.Decide = (stream, batch) => stream == 1 && batch.Sequence >= 3 ? BatchDecision.DropStream : BatchDecision.Ack;
        _outbox.Append(Batch(1));
        _outbox.Append(Batch(2));
        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _outbox.Statistics.AcknowledgedBatches == 2, Deadline, "batches 1 and 2 acknowledged");

        _outbox.Append(Batch(3));
        _outbox.Append(Batch(4));
        await Poll.UntilAsync(() => _outbox.Statistics.PendingBatches == 0, Deadline, "batches 3 and 4 delivered on a later stream");

        Assert.Equal([1UL, 2UL, 3UL], _gateway.Batches.Where(b => b.Stream == 1).Select(b => b.Batch.Sequence));
        var later = _gateway.Batches.Where(b => b.Stream >= 2).Select(b => b.Batch.Sequence).ToList();
        Assert.Equal([3UL, 4UL], later);
        Assert.True(_gateway.Hellos.Count >= 2);
        Assert.All(_gateway.Hellos, h => Assert.Equal(_identity.BootId, h.BootId));
    }

    [Fact]
    public async Task BatchRejected_DroppedAndCounted_OthersStillDelivered()
    {
        _gateway.Decide = (_, batch) => batch.Sequence == 2 ? BatchDecision.Reject : BatchDecision.Ack;
        for (ulong i = 1; i <= 3; i++)
        {
            _outbox.Append(Batch(i));
        }

        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _outbox.Statistics.PendingBatches == 0, Deadline, "outbox emptied");
        Assert.Equal(1, _outbox.Statistics.RejectedBatches);
        Assert.Equal(2, _outbox.Statistics.AcknowledgedBatches);
        Assert.Equal(1, _uplink.Rejected);
    }

    [Fact]
    public async Task CollectorIgnoringBatches_KeepsThemPending_WindowLimitsInFlight()
    {
        _gateway.Decide = (_, _) => BatchDecision.Ignore;
        for (ulong i = 1; i <= 100; i++)
        {
            _outbox.Append(Batch(i));
        }

        // All 100 are backlog (queued before the stream opened): they may take the window but its live reserve.
        var settings = new UplinkSettings { BacklogMergeBatches = 1 };
        var backlogShare = settings.Window - settings.LiveReserve;
        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _gateway.Batches.Count >= backlogShare, Deadline, "the backlog's share of the window sent");
        await Poll.UntilAsync(() => _gateway.Heartbeats >= 1, Deadline, "a heartbeat after the batches (the sender went round its loop)");
        Assert.Equal(backlogShare, _gateway.Batches.Count);

        // Live data still goes out at once, up to the full window.
        for (ulong i = 101; i <= 100 + (ulong)settings.LiveReserve + 5; i++)
        {
            _outbox.Append(Batch(i));
        }

        await Poll.UntilAsync(() => _gateway.Batches.Count >= settings.Window, Deadline, "live batches in the reserved slots");
        await Poll.UntilAsync(() => _gateway.Heartbeats >= 3, Deadline, "more heartbeats");
        Assert.Equal(settings.Window, _gateway.Batches.Count);
        Assert.Equal(100 + settings.LiveReserve + 5, _outbox.Statistics.PendingBatches);
    }

    [Fact]
    public async Task IdleStream_SendsHeartbeats()
    {
        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _gateway.Heartbeats >= 2, Deadline, "two heartbeats on an idle stream");
        Assert.True(_uplink.IsConnected);
        Assert.Equal(1, _gateway.Streams);
    }

    [Fact]
    public async Task CollectorGone_BatchesWaitInOutbox_DeliveredToTheNextCollector()
    {
        await using var second = await TestGateway.StartAsync();
        await _gateway.DisposeAsync();
        using var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = second.Url, Token = new Secret("t") });
        // First a collector that is not there (the stopped one), then the live one: appends never block meanwhile.
        _outbox.Append(Batch(1));
        _outbox.Append(Batch(2));
        await _uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _uplink.StreamsOpened >= 2 && !_uplink.IsConnected, Deadline, "uplink retrying a missing collector");
        _outbox.Append(Batch(3));
        Assert.Equal(3, _outbox.Statistics.PendingBatches);
        await _uplink.StopAsync(CancellationToken.None);

        using var uplink = new UplinkService(
            new AgentGateway.AgentGatewayClient(channel), _identity, _outbox, "t", second.Url,
            new UplinkSettings { BacklogMergeBatches = 1, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger<UplinkService>.Instance);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _outbox.Statistics.PendingBatches == 0, Deadline, "backlog delivered");
        await uplink.StopAsync(CancellationToken.None);
        Assert.Equal([1UL, 2UL, 3UL], second.Batches.Select(b => b.Batch.Sequence));
    }

    [Fact]
    public async Task CleanShutdown_OneStoppingLine_NoDisconnectWarning()
    {
        var logger = new ListLogger<UplinkService>();
        using var uplink = new UplinkService(
            new AgentGateway.AgentGatewayClient(_channel), _identity, _outbox, "site-token-1234", _gateway.Url,
            new UplinkSettings { BacklogMergeBatches = 1, MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, logger);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => uplink.IsConnected, Deadline, "connected");
        await uplink.StopAsync(CancellationToken.None);

        Assert.Single(logger.Lines, l => l.Text.StartsWith("Connected to collector", StringComparison.Ordinal));
        var last = logger.Lines[^1];
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, last.Level);
        Assert.EndsWith("closing the stream, stopping", last.Text, StringComparison.Ordinal);
        Assert.Equal(2, logger.Lines.Count);
    }
}

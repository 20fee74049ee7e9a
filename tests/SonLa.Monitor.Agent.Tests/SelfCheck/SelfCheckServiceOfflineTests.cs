using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>
/// Offline (issue 7 point 3): with the collector down, <c>run</c>'s self-check still runs, reports the collector check
/// failed with the backlog size, queues selfcheck points in the outbox, and they reach the collector when it is back.
/// </summary>
public sealed class SelfCheckServiceOfflineTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new("sonla-selfcheck-offline");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CollectorDown_CollectorCheckFailsWithBacklog_PointsQueued_DeliveredWhenCollectorReturns()
    {
        var loaded = AgentConfigurationLoader.Load(new SelfCheckConfig().Write(_directory), []);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
        var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024);
        var batcher = new SampleBatcher(identity, outbox, 2000);
        // Something already waiting from before the outage.
        outbox.Append(new SampleBatch { BootId = identity.BootId, Sequence = 1000, Points = { Points.Create("device", DateTimeOffset.UtcNow, ("site", "chieng-coi")) } });
        var backlogBytes = outbox.Statistics.PendingBytes;
        var state = new SelfCheckState();
        using var service = new SelfCheckService(loaded.Options, batcher, outbox, state, TimeProvider.System, NullLogger<SelfCheckService>.Instance);

        var report = await service.RunOnceAsync(CancellationToken.None);

        var collector = report.Checks.Single(c => c.Id == "collector");
        Assert.Equal(CheckStatus.Fail, collector.Status);
        Assert.Contains($"dữ liệu chờ gửi: {backlogBytes} B trong 1 tệp", collector.Message.Vi, StringComparison.Ordinal);
        Assert.Equal(SelfCheckTexts.CollectorDownHint, collector.Hint);
        Assert.Equal(CheckStatus.Ok, report.Checks.Single(c => c.Id == "config").Status);
        Assert.Same(report, state.Latest);
        Assert.Equal(2, outbox.Statistics.PendingBatches);

        // The collector comes back: the queued report is delivered like any other batch.
        await using var gateway = await TestGateway.StartAsync();
        using var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = gateway.Url, Token = new Secret("site-token-1234") });
        using var uplink = new UplinkService(
            new AgentGateway.AgentGatewayClient(channel), identity, outbox, "site-token-1234", gateway.Url,
            new UplinkSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger<UplinkService>.Instance);
        await uplink.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "self-check report delivered");
        await uplink.StopAsync(CancellationToken.None);

        var points = gateway.Batches.SelectMany(b => b.Batch.Points).Where(p => p.Measurement == SelfCheckPoints.Measurement).ToList();
        Assert.Equal(report.Checks.Select(c => c.Id), points.Select(p => p.Tags["check"]));
        Assert.All(points, p => Assert.Equal("chieng-coi", p.Tags["site"]));
        var delivered = points.Single(p => p.Tags["check"] == "collector");
        Assert.Equal(2, delivered.Fields["status"].IntValue);
        Assert.Equal(collector.Message.Vi, delivered.Fields["message"].StringValue);
        Assert.Equal(collector.Hint.Vi, delivered.Fields["hint"].StringValue);
    }

    [Fact]
    public async Task Scheduled_FirstFiveMinutesAfterStart_ThenEveryInterval_PointsQueued()
    {
        var loaded = AgentConfigurationLoader.Load(new SelfCheckConfig().Write(_directory), ["--SelfCheck:IntervalMinutes=60"]);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
        var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024);
        var state = new SelfCheckState();
        using var service = new SelfCheckService(loaded.Options, new SampleBatcher(identity, outbox, 2000), outbox, state, time, NullLogger<SelfCheckService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // ExecuteAsync starts on its own task: time moves a minute at a time until each report appears.
            var start = time.GetUtcNow();
            await AdvanceUntilAsync(time, () => state.Latest is not null, "first scheduled self-check");
            var first = state.Latest!;
            Assert.True(time.GetUtcNow() - start >= SelfCheckService.FirstRunDelay, "the first self-check waited less than FirstRunDelay");
            Assert.Equal(1, outbox.Statistics.PendingBatches);

            var afterFirst = time.GetUtcNow();
            await AdvanceUntilAsync(time, () => !ReferenceEquals(state.Latest, first), "second scheduled self-check");
            Assert.True(time.GetUtcNow() - afterFirst >= TimeSpan.FromMinutes(59), "the second self-check came before the interval");
            await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 2, Deadline, "second report queued");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> done, string what)
    {
        for (var minutes = 0; minutes < 200 && !done(); minutes++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            // The service's own task needs real time to reach its next timer before the clock moves again.
            await Task.Delay(100);
        }

        await Poll.UntilAsync(done, Deadline, what);
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Clock;

/// <summary>The agent's clock measured over a real gRPC stream, and what that does to the timestamps it sends.</summary>
public sealed class ClockOverUplinkTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_agent_an_hour_slow_sends_samples_stamped_in_collector_time_with_a_clock_skew_event()
    {
        await using var gateway = await TestGateway.StartAsync();
        gateway.ClockAhead = TimeSpan.FromHours(1);
        var (uplink, batcher, clock, channel) = Start(gateway);
        using var _ = channel;
        using (uplink)
        {
            await uplink.StartAsync(CancellationToken.None);
            await Poll.UntilAsync(() => clock.State.Verified, Deadline, "clock measured at Hello/Welcome");

            var measured = DateTimeOffset.UtcNow;
            batcher.Write([Points.Create("device", measured, ("device", "router"))], []);
            await Poll.UntilAsync(() => gateway.Batches.Any(b => b.Batch.Points.Count > 0), Deadline, "the sample arrives");
            await uplink.StopAsync(CancellationToken.None);
        }

        var sample = gateway.Batches.Select(b => b.Batch).First(b => b.Points.Count > 0);
        var stamped = DateTimeOffset.UnixEpoch.AddTicks(sample.Points[0].TimeUnixNs / 100);
        var shift = stamped - DateTimeOffset.UtcNow;
        // An hour ahead of the agent's clock, give or take the round trip and the test's own time.
        Assert.InRange(shift, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        var skew = Assert.Single(sample.Events, e => e.Kind == "clock_skew");
        Assert.Contains("behind the collector", skew.Message, StringComparison.Ordinal);
        Assert.InRange(clock.State.Correction, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task An_agent_in_time_sends_its_own_timestamps_and_no_clock_event()
    {
        await using var gateway = await TestGateway.StartAsync();
        var (uplink, batcher, clock, channel) = Start(gateway);
        using var _ = channel;
        var measured = DateTimeOffset.UtcNow;
        using (uplink)
        {
            await uplink.StartAsync(CancellationToken.None);
            await Poll.UntilAsync(() => clock.State.Verified, Deadline, "clock measured at Hello/Welcome");
            batcher.Write([Points.Create("device", measured, ("device", "router"))], []);
            await Poll.UntilAsync(() => gateway.Batches.Any(b => b.Batch.Points.Count > 0), Deadline, "the sample arrives");
            await uplink.StopAsync(CancellationToken.None);
        }

        var sample = gateway.Batches.Select(b => b.Batch).First(b => b.Points.Count > 0);
        Assert.Equal(Points.ToUnixNanoseconds(measured), sample.Points[0].TimeUnixNs);
        Assert.DoesNotContain(gateway.Batches.SelectMany(b => b.Batch.Events), e => e.Kind.StartsWith("clock_", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.Zero, clock.State.Correction);
    }

    private static (UplinkService Uplink, SampleBatcher Batcher, AgentClock Clock, IDisposable Channel) Start(TestGateway gateway)
    {
        var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
        var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024);
        var clock = new AgentClock(TimeProvider.System);
        var batcher = new SampleBatcher(identity, outbox, 2000, clock);
        var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = gateway.Url, Token = new Secret("site-token-1234") });
        var uplink = new UplinkService(
            new AgentGateway.AgentGatewayClient(channel), identity, outbox, "site-token-1234", gateway.Url,
            new UplinkSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200), HeartbeatInterval = TimeSpan.FromMilliseconds(300) },
            TimeProvider.System, NullLogger<UplinkService>.Instance, clock);
        return (uplink, batcher, clock, channel);
    }
}

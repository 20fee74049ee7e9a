using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Ping;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Ping;

/// <summary>The ping job against this machine's kernel on loopback: the <c>ping</c> points it writes.</summary>
public sealed class PingProbeServiceTests
{
    private static AgentOptions Options(params PingTargetOptions[] targets) => new() { Site = new SiteOptions { Id = "chieng-coi" }, Ping = targets };

    private static PingProbeService Service(AgentOptions options, RecordingSink sink, IcmpEchoClient? client = null) =>
        new(options, sink, TimeProvider.System, NullLogger<PingProbeService>.Instance, client ?? new IcmpEchoClient(TimeProvider.System, IcmpSocketKind.Raw));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task AnsweringTarget_PointWithRttAndNoLoss(string host)
    {
        var target = new PingTargetOptions { Name = "gateway", Host = host, Count = 2 };
        var sink = new RecordingSink();
        var point = await Service(Options(target), sink).ProbeOnceAsync(target, CancellationToken.None);

        Assert.Same(point, Assert.Single(sink.Points));
        Assert.Equal("ping", point!.Measurement);
        Assert.Equal(("chieng-coi", "gateway"), (point.Tags["site"], point.Tags["target"]));
        Assert.Equal(0, point.Fields["loss_percent"].DoubleValue);
        Assert.True(point.Fields["rtt_ms"].DoubleValue >= 0);
        Assert.Empty(sink.Events);
    }

    [Fact]
    public async Task SilentTarget_FullLoss_NoRttField()
    {
        var target = new PingTargetOptions { Name = "dead", Host = "127.255.255.255", Count = 3, TimeoutMilliseconds = 200 };
        var point = await Service(Options(target), new RecordingSink()).ProbeOnceAsync(target, CancellationToken.None);
        Assert.Equal(100, point!.Fields["loss_percent"].DoubleValue);
        Assert.False(point.Fields.ContainsKey("rtt_ms"));
    }

    [Fact]
    public async Task NoIcmpSocket_NoPointAtAll_NoDataIsNotLoss()
    {
        var target = new PingTargetOptions { Name = "gateway", Host = "127.0.0.1" };
        var sink = new RecordingSink();
        var client = new IcmpEchoClient(TimeProvider.System, openSocket: (_, _) => throw new SocketException((int)SocketError.AccessDenied));
        Assert.Null(await Service(Options(target), sink, client).ProbeOnceAsync(target, CancellationToken.None));
        Assert.Empty(sink.Points);
    }

    [Fact]
    public async Task Running_EachTargetOnItsOwnSchedule()
    {
        var sink = new RecordingSink();
        using var service = Service(Options(
            new PingTargetOptions { Name = "v4", Host = "127.0.0.1", IntervalSeconds = 1, Count = 1 },
            new PingTargetOptions { Name = "v6", Host = "::1", IntervalSeconds = 1, Count = 1 }), sink);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Poll.UntilAsync(() => Task.FromResult(sink.Points.Count(p => p.Tags["target"] == "v4") >= 2 && sink.Points.Count(p => p.Tags["target"] == "v6") >= 2),
                TimeSpan.FromSeconds(30), "two rounds of each target");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.All(sink.Points, p => Assert.Equal(0, p.Fields["loss_percent"].DoubleValue));
    }
}

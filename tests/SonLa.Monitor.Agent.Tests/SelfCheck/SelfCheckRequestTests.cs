using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>
/// Issue 7 point 3, "on request from the collector": a RunSelfCheck on the stream runs the self-check and its report
/// reaches the collector as selfcheck points; requests are coalesced with a running self-check and limited to one per
/// ~30 s.
/// </summary>
public sealed class SelfCheckRequestTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new("sonla-selfcheck-request");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CollectorAsks_AgentRunsSelfCheck_PointsArriveAtCollector()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var agent = await Agent.StartAsync(gateway, _directory);

        await gateway.SendToAgentAsync(new CollectorMessage { RunSelfCheck = new RunSelfCheck { RequestId = "req-0001" } });

        await Poll.UntilAsync(() => agent.Requests.Answered == 1 && agent.Outbox.Statistics.PendingBatches == 0, Deadline, "requested self-check delivered");
        var report = agent.State.Latest;
        Assert.NotNull(report);
        var points = gateway.Batches.SelectMany(b => b.Batch.Points).Where(p => p.Measurement == SelfCheckPoints.Measurement).ToList();
        Assert.Equal(report.Checks.Select(c => c.Id), points.Select(p => p.Tags["check"]));
        Assert.All(points, p => Assert.Equal("chieng-coi", p.Tags["site"]));
        // The collector it was asked by answers: that check is ok.
        Assert.Equal(0, points.Single(p => p.Tags["check"] == "collector").Fields["status"].IntValue);
        Assert.Equal(1, agent.SelfCheck.Runs);
        Assert.Contains(agent.Log.Lines, l => l.Text.Contains("Self-check requested by the collector (request req-0001)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoRequestsInQuickSuccession_OneRun_SecondCountedAndLogged()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var agent = await Agent.StartAsync(gateway, _directory);

        await gateway.SendToAgentAsync(new CollectorMessage { RunSelfCheck = new RunSelfCheck { RequestId = "req-a" } });
        await gateway.SendToAgentAsync(new CollectorMessage { RunSelfCheck = new RunSelfCheck { RequestId = "req-b" } });

        await Poll.UntilAsync(() => agent.Requests.Refused == 1 && agent.Requests.Answered == 1 && agent.Outbox.Statistics.PendingBatches == 0,
            Deadline, "one request run and delivered, one refused");
        Assert.Equal(1, agent.Requests.Accepted);
        Assert.Equal(1, agent.SelfCheck.Runs);
        var configPoints = gateway.Batches.SelectMany(b => b.Batch.Points)
            .Count(p => p.Measurement == SelfCheckPoints.Measurement && p.Tags["check"] == "config");
        Assert.Equal(1, configPoints);
        Assert.Single(agent.Log.Lines, l => l.Text.Contains("Self-check request req-b from the collector refused", StringComparison.Ordinal));
    }

    [Fact]
    public void Flood_AtMostOneRequestPerThirtySeconds_RefusalsCounted_LoggedOncePerAcceptedRequest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var log = new ListLogger<SelfCheckRequests>();
        using var selfCheck = NewSelfCheckService(Load(new SelfCheckConfig()), new MemoryOutbox(100, 1 << 20), time);
        using var requests = new SelfCheckRequests(selfCheck, time, log);

        Assert.True(requests.Request("a"));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(requests.Request("b"));
        Assert.False(requests.Request("c"));
        time.Advance(TimeSpan.FromSeconds(19.9));
        Assert.False(requests.Request("d"));
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(requests.Request("e"));
        Assert.False(requests.Request("f\u001b[2J" + new string('x', 500)));

        Assert.Equal(2, requests.Accepted);
        Assert.Equal(4, requests.Refused);
        var refusals = log.Lines.Where(l => l.Text.Contains("refused", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Contains("request b from", refusals[0], StringComparison.Ordinal);
        Assert.Contains("(1 refused so far", refusals[0], StringComparison.Ordinal);
        // A hostile or broken id reaches the log bounded and without control characters.
        Assert.Contains("request f?[2J" + new string('x', SelfCheckRequests.MaxRequestIdLength - 5) + " from", refusals[1], StringComparison.Ordinal);
        Assert.Contains("(4 refused so far", refusals[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_WhileOneIsRunning_JoinsIt()
    {
        // A device that never answers keeps the self-check running for its timeout: time for a second caller to arrive.
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)silent.Client.LocalEndPoint!).Port;
        var options = Load(new SelfCheckConfig { TimeoutSeconds = 2 }.V2c("silent", FormattableString.Invariant($"127.0.0.1:{port}")));
        using var selfCheck = NewSelfCheckService(options, new MemoryOutbox(100, 1 << 20), TimeProvider.System);

        var first = selfCheck.RunOnceAsync(CancellationToken.None);
        var second = selfCheck.RunOnceAsync(CancellationToken.None);
        Assert.Same(await first, await second);
        Assert.Equal(1, selfCheck.Runs);

        // Once it is over, the next caller gets a run of its own.
        var third = await selfCheck.RunOnceAsync(CancellationToken.None);
        Assert.NotSame(await first, third);
        Assert.Equal(2, selfCheck.Runs);
    }

    private AgentOptions Load(SelfCheckConfig config)
    {
        var loaded = AgentConfigurationLoader.Load(config.Write(_directory), []);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Options;
    }

    private static SelfCheckService NewSelfCheckService(AgentOptions options, IOutbox outbox, TimeProvider time) =>
        new(options, new SampleBatcher(new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test"), outbox, 2000),
            outbox, new SelfCheckState(), time, NullLogger<SelfCheckService>.Instance);

    /// <summary>The parts of <c>run</c> involved: self-check service, request handler and uplink, connected to the gateway.</summary>
    private sealed class Agent : IAsyncDisposable
    {
        private readonly UplinkService _uplink;
        private readonly IDisposable _channel;

        private Agent(SelfCheckService selfCheck, SelfCheckRequests requests, UplinkService uplink, IDisposable channel, MemoryOutbox outbox,
            SelfCheckState state, ListLogger<SelfCheckRequests> log)
        {
            SelfCheck = selfCheck;
            Requests = requests;
            _uplink = uplink;
            _channel = channel;
            Outbox = outbox;
            State = state;
            Log = log;
        }

        public SelfCheckService SelfCheck { get; }

        public SelfCheckRequests Requests { get; }

        public MemoryOutbox Outbox { get; }

        public SelfCheckState State { get; }

        public ListLogger<SelfCheckRequests> Log { get; }

        public static async Task<Agent> StartAsync(TestGateway gateway, TempDirectory directory)
        {
            var config = new SelfCheckConfig { CollectorUrl = gateway.Url.ToString(), TimeoutSeconds = 3 };
            var loaded = AgentConfigurationLoader.Load(config.Write(directory), []);
            Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
            var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "0.1.0-test");
            var outbox = new MemoryOutbox(1000, 64L * 1024 * 1024);
            var state = new SelfCheckState();
            var selfCheck = new SelfCheckService(loaded.Options, new SampleBatcher(identity, outbox, 2000), outbox, state, TimeProvider.System,
                NullLogger<SelfCheckService>.Instance);
            var log = new ListLogger<SelfCheckRequests>();
            var requests = new SelfCheckRequests(selfCheck, TimeProvider.System, log);
            var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = gateway.Url, Token = new Secret("site-token-1234") });
            var uplink = new UplinkService(
                new AgentGateway.AgentGatewayClient(channel), identity, outbox, "site-token-1234", gateway.Url,
                new UplinkSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
                TimeProvider.System, NullLogger<UplinkService>.Instance, selfCheckRequests: requests);
            var agent = new Agent(selfCheck, requests, uplink, channel, outbox, state, log);
            await requests.StartAsync(CancellationToken.None);
            await uplink.StartAsync(CancellationToken.None);
            await Poll.UntilAsync(() => uplink.IsConnected && gateway.CanSendToAgent, Deadline, "agent connected to the gateway");
            return agent;
        }

        public async ValueTask DisposeAsync()
        {
            await _uplink.StopAsync(CancellationToken.None);
            await Requests.StopAsync(CancellationToken.None);
            _uplink.Dispose();
            Requests.Dispose();
            SelfCheck.Dispose();
            _channel.Dispose();
        }
    }
}

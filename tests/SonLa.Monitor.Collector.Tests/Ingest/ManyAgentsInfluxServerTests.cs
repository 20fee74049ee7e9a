using System.Globalization;
using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;
using Xunit.Abstractions;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// A province-wide outage ends: hundreds of agents reconnect at once, each with a backlog, to the
/// real collector on Kestrel and a real influxd. Every point is stored once, the writes are merged,
/// and the collector holds no more than its bound whatever the backlog.
/// </summary>
public sealed class ManyAgentsInfluxServerTests : IAsyncLifetime
{
    private const int Agents = 300;
    private const int BatchesPerAgent = 20;
    private const int InterfacesPerPoll = 10;
    private const int QueueMaxBytes = 256 * 1024;

    private readonly ITestOutputHelper _output;
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public ManyAgentsInfluxServerTests(ITestOutputHelper output) => _output = output;

    private static string SiteId(int agent) => "xa-" + agent.ToString("D3", CultureInfo.InvariantCulture);

    private static string Token(int agent) => "token-of-agent-" + agent.ToString("D3", CultureInfo.InvariantCulture) + "-0123456789";

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        var args = new List<string>
        {
            "--Ingest:QueueMaxBytes=" + QueueMaxBytes.ToString(CultureInfo.InvariantCulture),
            "--Ingest:WriteMaxPoints=2000",
            "--Ingest:MaxWritesInFlight=2",
            "--Kestrel:Limits:Http2:MaxStreamsPerConnection=1000",
        };
        for (var agent = 0; agent < Agents; agent++)
        {
            // Indexes 0 and 1 are CollectorHost's own two agents.
            var index = (agent + 2).ToString(CultureInfo.InvariantCulture);
            args.Add($"--Agents:{index}:SiteId={SiteId(agent)}");
            args.Add($"--Agents:{index}:Token={Token(agent)}");
            args.Add($"--Sites:{index}:Id={SiteId(agent)}");
            args.Add($"--Sites:{index}:Name=Xã số {agent}");
        }

        _collector = await CollectorHost.StartAsync(_influx.Url, [.. args]);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task ThreeHundredAgentsWithBacklogs_AllStoredOnce_WritesMerged_MemoryBounded()
    {
        var writesBefore = await _collector.MetricAsync("sonla_collector_influx_writes_total");
        using var channel = GrpcChannel.ForAddress(_collector.Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        var client = new AgentGateway.AgentGatewayClient(channel);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var answered = await Task.WhenAll(Enumerable.Range(0, Agents).Select(agent => Task.Run(() => RunAgentAsync(client, agent, deadline.Token))));

        Assert.All(answered, acks => Assert.Equal(Enumerable.Range(1, BatchesPerAgent).Select(i => (ulong)i), acks.Order()));
        var interfaces = Assert.Single(await _influx.QueryRowsAsync("SELECT count(in_octets) FROM interface"));
        Assert.Equal(Agents * BatchesPerAgent * InterfacesPerPoll, interfaces["count"].GetInt64());
        var devices = Assert.Single(await _influx.QueryRowsAsync("SELECT count(reachable) FROM device"));
        Assert.Equal(Agents * BatchesPerAgent, devices["count"].GetInt64());
        var perSite = await _influx.QueryRowsAsync("SELECT count(reachable) FROM device GROUP BY site");
        Assert.Equal(Agents, perSite.Count);
        Assert.All(perSite, row => Assert.Equal(BatchesPerAgent, row["count"].GetInt64()));

        // Merged: far fewer InfluxDB writes than batches.
        var writes = await _collector.MetricAsync("sonla_collector_influx_writes_total") - writesBefore;
        Assert.True(writes * 5 < Agents * BatchesPerAgent, $"{writes} writes for {Agents * BatchesPerAgent} batches");

        // Bounded: the backlog (about 16 MB of line protocol) never sat in the collector; streams waited instead.
        var highWater = await _collector.MetricAsync("sonla_collector_write_queue_high_water_bytes");
        Assert.True(highWater <= QueueMaxBytes, $"high water {highWater} > bound {QueueMaxBytes}");
        Assert.Equal(QueueMaxBytes, await _collector.MetricAsync("sonla_collector_write_queue_limit_bytes"));
        Assert.True(await _collector.MetricAsync("sonla_collector_write_queue_full_waits_total") > 0);
        Assert.Equal(0, await _collector.MetricAsync("sonla_collector_write_queue_bytes"));
        _output.WriteLine($"{Agents * BatchesPerAgent} batches in {writes} InfluxDB writes; high water {highWater} of {QueueMaxBytes} bytes; " +
            $"{await _collector.MetricAsync("sonla_collector_write_queue_full_waits_total")} waits for room");

        Assert.Equal(BatchesPerAgent, await _collector.SiteMetricAsync("sonla_collector_site_batches_received_total", SiteId(123)));
        Assert.Equal(0, await _collector.SiteMetricAsync("sonla_collector_site_sequence_missing", SiteId(123)));
        Assert.Equal(0, await _collector.SiteMetricAsync("sonla_collector_site_batches_duplicate_total", SiteId(123)));
    }

    // One agent: Hello, its whole backlog (oldest first, each batch one poll of a router), then the answers.
    private static async Task<List<ulong>> RunAgentAsync(AgentGateway.AgentGatewayClient client, int agent, CancellationToken cancellationToken)
    {
        using var call = client.Connect(new Metadata { { "authorization", "Bearer " + Token(agent) } }, cancellationToken: cancellationToken);
        var bootId = "boot-" + agent.ToString(CultureInfo.InvariantCulture);
        await call.RequestStream.WriteAsync(new AgentMessage
        {
            Hello = new Hello { SiteId = SiteId(agent), AgentVersion = "test", BootId = bootId },
        }, cancellationToken);
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken));
        Assert.Equal(CollectorMessage.KindOneofCase.Welcome, call.ResponseStream.Current.KindCase);

        var reader = Task.Run(async () =>
        {
            var acks = new List<ulong>();
            while (acks.Count < BatchesPerAgent && await call.ResponseStream.MoveNext(cancellationToken))
            {
                Assert.Equal(CollectorMessage.KindOneofCase.Ack, call.ResponseStream.Current.KindCase);
                acks.Add(call.ResponseStream.Current.Ack.Sequence);
            }

            return acks;
        }, cancellationToken);

        for (var sequence = 1; sequence <= BatchesPerAgent; sequence++)
        {
            var time = Samples.Time + (sequence * 60_000_000_000L);
            var batch = Samples.Batch(bootId, (ulong)sequence, Samples.Device("router", time));
            batch.Backfill = true;
            for (var i = 1; i <= InterfacesPerPoll; i++)
            {
                batch.Points.Add(Samples.Interface("router", i.ToString(CultureInfo.InvariantCulture), "eth" + i, time));
            }

            await call.RequestStream.WriteAsync(new AgentMessage { Batch = batch }, cancellationToken);
        }

        var answered = await reader;
        await call.RequestStream.CompleteAsync();
        return answered;
    }
}

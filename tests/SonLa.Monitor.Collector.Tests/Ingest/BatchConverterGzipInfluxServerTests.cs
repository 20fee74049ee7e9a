using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Grpc;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// A gzip'd stream of compact batches, as the agent sends them, into the real collector (h2c, loopback) and a real
/// influxd 1.6.7: stored exactly; garbled compact bytes rejected; a small message that inflates past the limit refused.
/// </summary>
public sealed class BatchConverterGzipInfluxServerTests : IAsyncLifetime
{
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;
    private EncodingRecorder _recorder = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url, "--Ingest:MaxMessageBytes=65536");
        _recorder = new EncodingRecorder();
        _channel = GrpcChannel.ForAddress(_collector.Address, new GrpcChannelOptions { HttpHandler = _recorder, MaxSendMessageSize = null });
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    private AgentStream ConnectGzip() => new(new AgentGateway.AgentGatewayClient(_channel).Connect(
        new Metadata { { "authorization", "Bearer " + CollectorHost.Token }, { "grpc-internal-encoding-request", "gzip" } },
        cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token));

    [Fact]
    public async Task GzipStream_CompactBatch_IsAckedAndStoredExactly()
    {
        using var agent = ConnectGzip();
        await agent.HelloAsync(CollectorHost.SiteId);
        var batch = Samples.Batch(agent.BootId, 11,
            Samples.Interface("router", "1", "Cổng quang"),
            Samples.Interface("router", "2", "wan, 4G \"backup\"", Samples.Time + 1),
            Samples.Device("router"));
        batch.Points[0].Fields["in_octets"] = new FieldValue { UintValue = 9_223_372_036_854_775_807UL };
        batch.Points[1].Fields["in_bps"] = new FieldValue { DoubleValue = 0.1 + 0.2 };
        CompactBatchCodec.Compact(batch);
        Assert.Empty(batch.Points);

        var reply = await agent.SendBatchAsync(batch);

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        Assert.Equal(11UL, reply.Ack.Sequence);
        Assert.Equal("gzip", _recorder.LastEncoding);
        var interfaces = await _influx.QueryRowsAsync(
            "SELECT in_octets, in_bps, if_name, if_index, site FROM interface WHERE site = 'chieng-coi' ORDER BY time");
        Assert.Equal(2, interfaces.Count);
        Assert.Equal(Samples.Time, interfaces[0]["time"].GetInt64());
        Assert.Equal(long.MaxValue, interfaces[0]["in_octets"].GetInt64());
        Assert.Equal("Cổng quang", interfaces[0]["if_name"].GetString());
        Assert.Equal(Samples.Time + 1, interfaces[1]["time"].GetInt64());
        Assert.Equal(0.1 + 0.2, interfaces[1]["in_bps"].GetDouble());
        Assert.Equal("wan, 4G \"backup\"", interfaces[1]["if_name"].GetString());
        Assert.Single(await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE site = 'chieng-coi'"));
    }

    [Fact]
    public async Task GzipStream_GarbledCompactBatch_IsRejected_AndTheStreamGoesOn()
    {
        using var agent = ConnectGzip();
        await agent.HelloAsync(CollectorHost.SiteId);
        var garbled = Samples.Batch(agent.BootId, 12, Samples.Device("plain-part"));
        garbled.CompactPoints = ByteString.CopyFrom(1, 0xFF, 0xFF, 0xFF, 0x7F);

        var reply = await agent.SendBatchAsync(garbled);

        Assert.Equal(CollectorMessage.KindOneofCase.Reject, reply.KindCase);
        Assert.Equal(12UL, reply.Reject.Sequence);
        Assert.Contains("compact points: string count", reply.Reject.Reason, StringComparison.Ordinal);
        var next = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 13, Samples.Device("after")));
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, next.KindCase);
        Assert.Empty(await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE device = 'plain-part'"));
    }

    [Fact]
    public async Task GzipStream_SmallMessageInflatingPastTheLimit_IsRefusedAndCounted()
    {
        var before = await _collector.MetricAsync("sonla_collector_oversize_messages_total");
        using var agent = ConnectGzip();
        await agent.HelloAsync(CollectorHost.SiteId);
        var bomb = Samples.Device("bomb");
        // About 1 MB of zeros: a few KB gzip'd, far over the 64 KB limit once inflated.
        bomb.Fields.Add("blob", new FieldValue { StringValue = new string('\0', 1_000_000) });

        try
        {
            await agent.SendAsync(new AgentMessage { Batch = Samples.Batch(agent.BootId, 14, bomb) });
        }
        catch (RpcException)
        {
            // The server may end the call while the client is still writing; the status comes from the read.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(agent.ReadAsync);
        Assert.Contains(ex.StatusCode, new[] { StatusCode.ResourceExhausted, StatusCode.Cancelled });
        Assert.Equal(before + 1, await _collector.MetricAsync("sonla_collector_oversize_messages_total"));
    }

    [Fact]
    public async Task GzipStream_GarbledCompression_EndsTheStreamWithInvalidArgument_AndIsCounted()
    {
        var before = await _collector.MetricAsync("sonla_collector_malformed_messages_total");
        using var channel = GrpcChannel.ForAddress(_collector.Address, new GrpcChannelOptions { CompressionProviders = [new PassThroughGzipProvider()] });
        using var agent = new AgentStream(new AgentGateway.AgentGatewayClient(channel).Connect(
            new Metadata { { "authorization", "Bearer " + CollectorHost.Token }, { "grpc-internal-encoding-request", "gzip" } },
            cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token));

        try
        {
            await agent.HelloAsync(CollectorHost.SiteId);
        }
        catch (RpcException)
        {
            // The server may end the call while the client is still writing; the status comes from the read.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(agent.ReadAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("malformed message", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before + 1, await _collector.MetricAsync("sonla_collector_malformed_messages_total"));
    }

    /// <summary>Records the grpc-encoding the client put on its request: proof the messages went compressed.</summary>
    private sealed class EncodingRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        public string? LastEncoding { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastEncoding = request.Headers.TryGetValues("grpc-encoding", out var values) ? string.Join(",", values) : null;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Uplink;

/// <summary>What the test collector does with one batch on a given stream (1-based).</summary>
public enum BatchDecision
{
    Ack,
    Ignore,
    Reject,
    /// <summary>Record it, then end the stream without acknowledging it.</summary>
    DropStream,
}

/// <summary>A minimal AgentGateway on Kestrel (127.0.0.1, port 0, h2c) that records what it receives.</summary>
public sealed class TestGateway : AgentGateway.AgentGatewayBase, IAsyncDisposable
{
    private WebApplication? _app;
    private int _streams;
    private int _mergedMessages;
    private int _heartbeats;
    private int _compactBatches;
    private Func<CollectorMessage, Task>? _sendToAgent;

    public ConcurrentQueue<ReceivedBatch> Batches { get; } = new();

    public ConcurrentQueue<Hello> Hellos { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public Func<int, SampleBatch, BatchDecision> Decide { get; set; } = (_, _) => BatchDecision.Ack;

    public int Streams => Volatile.Read(ref _streams);

    /// <summary>Stored batches that arrived merged into another's message.</summary>
    public int MergedBatches => Volatile.Read(ref _mergedMessages);

    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>Batches that arrived with compact points (expanded into <see cref="SampleBatch.Points"/> before recording).</summary>
    public int CompactBatches => Volatile.Read(ref _compactBatches);

    public Uri Url { get; private set; } = null!;

    /// <summary>True once a stream got its Welcome: <see cref="SendToAgentAsync"/> has somewhere to write.</summary>
    public bool CanSendToAgent => Volatile.Read(ref _sendToAgent) is not null;

    /// <summary>How far the collector's clock is ahead of the machine's (what Welcome and heartbeat answers say).</summary>
    public TimeSpan ClockAhead { get; set; }

    private long CollectorNowUnixMs => (DateTimeOffset.UtcNow + ClockAhead).ToUnixTimeMilliseconds();

    /// <param name="serverCertificate">With a certificate (and its key), TLS on 127.0.0.1; without, h2c.</param>
    public static async Task<TestGateway> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2? serverCertificate = null)
    {
        var gateway = new TestGateway();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate);
            }
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(gateway);
        var app = builder.Build();
        app.MapGrpcService<TestGateway>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway._app = app;
        gateway.Url = new Uri(address);
        return gateway;
    }

    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream, IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        var stream = Interlocked.Increment(ref _streams);
        Authorizations.Enqueue(context.RequestHeaders.GetValue("authorization"));
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.KindCase != AgentMessage.KindOneofCase.Hello)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Hello first"));
        }

        Hellos.Enqueue(requestStream.Current.Hello);
        // Tests may write (SendToAgentAsync) while this loop answers: one write at a time on the stream.
        var writeLock = new SemaphoreSlim(1, 1);
        async Task WriteAsync(CollectorMessage reply)
        {
            await writeLock.WaitAsync();
            try
            {
                await responseStream.WriteAsync(reply);
            }
            finally
            {
                writeLock.Release();
            }
        }

        await WriteAsync(new CollectorMessage { Welcome = new Welcome { CollectorTimeUnixMs = CollectorNowUnixMs, HeartbeatIntervalSeconds = 5 } });
        Volatile.Write(ref _sendToAgent, WriteAsync);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var message = requestStream.Current;
            if (message.KindCase == AgentMessage.KindOneofCase.Heartbeat)
            {
                Interlocked.Increment(ref _heartbeats);
                await WriteAsync(new CollectorMessage { Heartbeat = new Heartbeat { SentTimeUnixMs = CollectorNowUnixMs } });
            }

            if (message.KindCase != AgentMessage.KindOneofCase.Batch)
            {
                continue;
            }

            var batch = message.Batch;
            if (!batch.CompactPoints.IsEmpty)
            {
                // Tests look at points: expand the compact encoding the agent sends, as the collector does.
                var points = CompactBatchCodec.Expand(batch);
                batch.Points.Clear();
                batch.Points.AddRange(points);
                batch.CompactPoints = Google.Protobuf.ByteString.Empty;
                Interlocked.Increment(ref _compactBatches);
            }

            Batches.Enqueue(new ReceivedBatch(stream, batch));
            foreach (var merged in batch.MergedSequences)
            {
                // A merged backlog message carries several stored batches: tests count them one by one (the points
                // travel with the first).
                Interlocked.Increment(ref _mergedMessages);
                Batches.Enqueue(new ReceivedBatch(stream, new SampleBatch { BootId = batch.BootId, Sequence = merged, Backfill = batch.Backfill }));
            }

            switch (Decide(stream, batch))
            {
                case BatchDecision.Ack:
                    await WriteAsync(new CollectorMessage { Ack = new BatchAck { BootId = batch.BootId, Sequence = batch.Sequence } });
                    break;
                case BatchDecision.Reject:
                    await WriteAsync(new CollectorMessage { Reject = new BatchReject { BootId = batch.BootId, Sequence = batch.Sequence, Reason = "test says no" } });
                    break;
                case BatchDecision.DropStream:
                    // Abort the HTTP/2 stream: the agent sees the failure a broken WAN link or a collector crash gives.
                    context.GetHttpContext().Features.Get<IHttpResetFeature>()?.Reset(2);
                    return;
                default:
                    break;
            }
        }
    }

    /// <summary>Sends a message of the collector's own (e.g. RunSelfCheck) on the newest stream, after its Welcome.</summary>
    public Task SendToAgentAsync(CollectorMessage message) =>
        (Volatile.Read(ref _sendToAgent) ?? throw new InvalidOperationException("no agent stream has been welcomed yet"))(message);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

public sealed record ReceivedBatch(int Stream, SampleBatch Batch);

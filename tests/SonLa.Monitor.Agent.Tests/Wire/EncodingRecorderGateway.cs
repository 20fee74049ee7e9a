using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

/// <summary>An AgentGateway on Kestrel (127.0.0.1, port 0, h2c) that records the stream's grpc-encoding and acks each batch after expanding it.</summary>
public sealed class EncodingRecorderGateway : AgentGateway.AgentGatewayBase, IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<string> Encodings { get; } = new();

    public ConcurrentQueue<IReadOnlyList<Point>> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<EncodingRecorderGateway> StartAsync()
    {
        var gateway = new EncodingRecorderGateway();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(gateway);
        var app = builder.Build();
        app.MapGrpcService<EncodingRecorderGateway>();
        await app.StartAsync();
        gateway._app = app;
        gateway.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return gateway;
    }

    public override async Task Connect(IAsyncStreamReader<AgentMessage> requestStream, IServerStreamWriter<CollectorMessage> responseStream, ServerCallContext context)
    {
        Encodings.Enqueue(context.GetHttpContext().Request.Headers["grpc-encoding"].ToString());
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            if (requestStream.Current.Batch is { } batch)
            {
                Received.Enqueue(CompactBatchCodec.Expand(batch));
                await responseStream.WriteAsync(new CollectorMessage { Ack = new BatchAck { BootId = batch.BootId, Sequence = batch.Sequence } });
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

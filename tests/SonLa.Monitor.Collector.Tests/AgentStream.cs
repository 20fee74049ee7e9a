using Grpc.Core;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests;

/// <summary>A test agent's side of one Connect stream.</summary>
internal sealed class AgentStream : IDisposable
{
    private readonly AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> _call;

    public AgentStream(AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> call) => _call = call;

    public string BootId { get; } = Guid.NewGuid().ToString("N");

    public async Task<Welcome> HelloAsync(string siteId)
    {
        await SendAsync(new AgentMessage
        {
            Hello = new Hello { SiteId = siteId, AgentVersion = "test", BootId = BootId, AgentTimeUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
        });
        var reply = await ReadAsync();
        Assert.Equal(CollectorMessage.KindOneofCase.Welcome, reply.KindCase);
        return reply.Welcome;
    }

    public Task SendAsync(AgentMessage message) => _call.RequestStream.WriteAsync(message);

    /// <summary>Closes the agent's side of the stream (no more messages), as an agent that is done.</summary>
    public Task CompleteAsync() => _call.RequestStream.CompleteAsync();

    public async Task<CollectorMessage> SendBatchAsync(SampleBatch batch)
    {
        await SendAsync(new AgentMessage { Batch = batch });
        return await ReadAsync();
    }

    public async Task<CollectorMessage> ReadAsync()
    {
        if (!await _call.ResponseStream.MoveNext(CancellationToken.None))
        {
            throw new InvalidOperationException("stream ended without a message");
        }

        return _call.ResponseStream.Current;
    }

    public void Dispose() => _call.Dispose();
}

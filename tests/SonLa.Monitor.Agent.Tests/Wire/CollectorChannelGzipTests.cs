using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

/// <summary>The agent's channel and call headers gzip what it sends, and a compact batch arrives intact.</summary>
public sealed class CollectorChannelGzipTests
{
    [Fact]
    public async Task CallHeaders_GzipEveryMessage_AndACompactBatchArrivesExactly()
    {
        await using var gateway = await EncodingRecorderGateway.StartAsync();
        using var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = gateway.Url, Token = new Secret("site-token-1234") });
        var client = new AgentGateway.AgentGatewayClient(channel);
        var batch = new SampleBatch { BootId = "boot", Sequence = 1 };
        for (var i = 1; i <= 50; i++)
        {
            batch.Points.Add(WirePoints.Interface("router", i, WirePoints.Time, (ulong)i * 999_983, i * 0.37, i == 1 ? "Cổng quang" : ""));
        }

        var original = batch.Points.ToList();
        CompactBatchCodec.Compact(batch);

        using var call = client.Connect(CollectorChannelFactory.CallHeaders("site-token-1234"), cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        await call.RequestStream.WriteAsync(new AgentMessage { Batch = batch });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();

        Assert.Equal(1UL, call.ResponseStream.Current.Ack.Sequence);
        Assert.Equal("gzip", Assert.Single(gateway.Encodings));
        WirePoints.AssertSameSet(original, Assert.Single(gateway.Received));
    }

    [Fact]
    public void CallHeaders_CarryTheTokenAndTheEncoding()
    {
        var headers = CollectorChannelFactory.CallHeaders("site-token-1234");

        Assert.Equal("Bearer site-token-1234", headers.GetValue("authorization"));
        Assert.Equal("gzip", headers.GetValue(CollectorChannelFactory.RequestEncodingHeader));
    }
}

using Grpc.Core;
using Grpc.Net.Client;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// Kestrel's standard certificate configuration (Kestrel:Endpoints:NAME:Url + Certificate:Path/KeyPath)
/// serving the agent gateway over TLS, checked by a client that trusts only the test CA.
/// </summary>
public sealed class TlsEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("sonla-collector-tls");
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        var (certificatePath, keyPath) = _certificates.WriteServerPem(_dir.Path);
        _collector = await CollectorHost.StartAsync(
        [
            .. CollectorHost.BaseArgs(_influx.Url),
            "--Kestrel:Endpoints:Tls:Url=https://127.0.0.1:0",
            "--Kestrel:Endpoints:Tls:Certificate:Path=" + certificatePath,
            "--Kestrel:Endpoints:Tls:Certificate:KeyPath=" + keyPath,
        ], tls: true);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
        _certificates.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task AgentTrustingTheCa_ConnectsOverTls_AndItsBatchIsAcked()
    {
        Assert.Equal("https", _collector.Address.Scheme);
        using var channel = GrpcChannel.ForAddress(_collector.Address,
            new GrpcChannelOptions { HttpHandler = TestCertificates.TrustOnly(_certificates.Ca) });
        var client = new AgentGateway.AgentGatewayClient(channel);
        using var agent = new AgentStream(client.Connect(new Metadata { { "authorization", "Bearer " + CollectorHost.Token } }));

        await agent.HelloAsync(CollectorHost.SiteId);
        var reply = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 1, Samples.Device("tls-router")));

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        Assert.Single(await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE device = 'tls-router'"));
    }

    [Fact]
    public async Task AgentTrustingAnotherCa_CannotConnect()
    {
        using var other = TestCertificates.Create("Some Other CA");
        using var channel = GrpcChannel.ForAddress(_collector.Address,
            new GrpcChannelOptions { HttpHandler = TestCertificates.TrustOnly(other.Ca) });
        var client = new AgentGateway.AgentGatewayClient(channel);
        using var agent = new AgentStream(client.Connect(new Metadata { { "authorization", "Bearer " + CollectorHost.Token } }));

        var ex = await Assert.ThrowsAsync<RpcException>(() => agent.HelloAsync(CollectorHost.SiteId));

        // The TLS handshake failed on our side: the server's certificate is not from the trusted CA.
        Assert.Contains(ex.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
        var causes = new List<Exception>();
        for (Exception? e = ex.Status.DebugException; e is not null; e = e.InnerException)
        {
            causes.Add(e);
        }

        Assert.Contains(causes, e => e is System.Security.Authentication.AuthenticationException);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Agent.Tests.Uplink;

/// <summary>The uplink over real TLS to Kestrel, trusting only the CA named by Collector:CaCertificate.</summary>
public sealed class UplinkTlsTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new("sonla-uplink-tls");

    public void Dispose() => _dir.Dispose();

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 CreateServerCertificate(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var withoutKey = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = withoutKey.CopyWithPrivateKey(key);
        // Kestrel wants a certificate whose key survives outside this method.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private async Task<(TestGateway Gateway, MemoryOutbox Outbox, UplinkService Uplink, IDisposable Channel)> StartAsync(X509Certificate2 serverCa, X509Certificate2 trustedCa)
    {
        var gateway = await TestGateway.StartAsync(CreateServerCertificate(serverCa));
        var caFile = _dir.File("ca.pem");
        await File.WriteAllTextAsync(caFile, trustedCa.ExportCertificatePem());
        var url = new Uri($"https://127.0.0.1:{gateway.Url.Port}");
        var channel = CollectorChannelFactory.Create(new CollectorOptions { Url = url, Token = new Secret("tls-token"), CaCertificate = caFile });
        var identity = new AgentIdentity("chieng-coi", Guid.NewGuid().ToString("D"), "test");
        var outbox = new MemoryOutbox(100, 1 << 20);
        outbox.Append(new SampleBatch { BootId = identity.BootId, Sequence = 1 });
        var uplink = new UplinkService(new AgentGateway.AgentGatewayClient(channel), identity, outbox, "tls-token", url,
            new UplinkSettings { MinBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) },
            TimeProvider.System, NullLogger<UplinkService>.Instance);
        await uplink.StartAsync(CancellationToken.None);
        return (gateway, outbox, uplink, channel);
    }

    [Fact]
    public async Task ServerCertificateFromConfiguredCa_StreamWorks()
    {
        using var ca = CreateCa("Sơn La province CA");
        var (gateway, outbox, uplink, channel) = await StartAsync(ca, ca);
        try
        {
            await Poll.UntilAsync(() => outbox.Statistics.PendingBatches == 0, Deadline, "batch acknowledged over TLS");
            Assert.Equal("Bearer tls-token", Assert.Single(gateway.Authorizations));
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
            uplink.Dispose();
            channel.Dispose();
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task ServerCertificateFromAnotherCa_NeverConnects()
    {
        using var serverCa = CreateCa("Impostor CA");
        using var trusted = CreateCa("Sơn La province CA");
        var (gateway, outbox, uplink, channel) = await StartAsync(serverCa, trusted);
        try
        {
            await Poll.UntilAsync(() => uplink.StreamsOpened >= 3, Deadline, "several refused attempts");
            Assert.Empty(gateway.Hellos);
            Assert.Equal(1, outbox.Statistics.PendingBatches);
            Assert.False(uplink.IsConnected);
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
            uplink.Dispose();
            channel.Dispose();
            await gateway.DisposeAsync();
        }
    }
}

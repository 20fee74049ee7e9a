using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.Tests.Uplink;

public class CollectorCertificateValidatorTests
{
    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 CreateLeaf(X509Certificate2 ca, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        return request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
    }

    [Fact]
    public void LeafSignedByConfiguredCa_Trusted_EvenWithUntrustedRootErrorFromTheSystem()
    {
        using var ca = CreateCa("Sơn La province CA");
        using var leaf = CreateLeaf(ca, "noc.sonla.example");
        Assert.True(CollectorCertificateValidator.Validate([ca], leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void LeafSignedByAnotherCa_Refused()
    {
        using var ca = CreateCa("Sơn La province CA");
        using var other = CreateCa("Someone else");
        using var leaf = CreateLeaf(other, "noc.sonla.example");
        Assert.False(CollectorCertificateValidator.Validate([ca], leaf, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void NameMismatch_RefusedWhateverTheChain()
    {
        using var ca = CreateCa("Sơn La province CA");
        using var leaf = CreateLeaf(ca, "noc.sonla.example");
        Assert.False(CollectorCertificateValidator.Validate([ca], leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(CollectorCertificateValidator.Validate([ca], null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void PemFile_LoadsRoots()
    {
        using var ca = CreateCa("Sơn La province CA");
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, ca.ExportCertificatePem());
            var roots = CollectorCertificateValidator.LoadRoots(path);
            Assert.Equal(ca.Thumbprint, Assert.Single(roots).Thumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// Validates a server certificate against the system store and, when configured, one private CA as an extra root; it
/// records what was wrong and the leaf's expiry instead of only saying no. Validation is never switched off.
/// </summary>
internal sealed class CertificateTrust(X509Certificate2Collection? extraRoots)
{
    public string? Problem { get; private set; }

    public DateTimeOffset? NotAfter { get; private set; }

    public static CertificateTrust FromPemFiles(params string?[] paths)
    {
        var roots = new X509Certificate2Collection();
        foreach (var path in paths.Where(p => p is { Length: > 0 }))
        {
            roots.ImportFromPemFile(path!);
        }

        return new CertificateTrust(roots.Count == 0 ? null : roots);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Problem = "no certificate";
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        NotAfter = leaf.NotAfter.ToUniversalTime();
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Problem = "name mismatch";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (extraRoots is not null && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == 0)
        {
            using var chain = CollectorCertificateValidator.CustomRootChain(extraRoots, presented);
            if (chain.Build(leaf))
            {
                return true;
            }

            Problem = Describe(chain);
            return false;
        }

        Problem = presented is not null && presented.ChainStatus.Length > 0 ? Describe(presented) : errors.ToString();
        return false;
    }

    private static string Describe(X509Chain chain) =>
        string.Join(", ", chain.ChainStatus.Select(s => s.Status switch
        {
            X509ChainStatusFlags.UntrustedRoot => "self-signed or unknown CA",
            X509ChainStatusFlags.PartialChain => "unknown CA",
            X509ChainStatusFlags.NotTimeValid => "expired or not yet valid",
            _ => s.Status.ToString(),
        }).Distinct());
}

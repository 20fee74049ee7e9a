using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Trusts exactly the CA of <c>Collector:CaCertificate</c> (a private province CA) for the collector's certificate:
/// chain built with a custom root trust store, host name still checked, no revocation lookups (a private CA
/// publishes none and the site may be offline).
/// </summary>
public static class CollectorCertificateValidator
{
    public static X509Certificate2Collection LoadRoots(string pemPath)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(pemPath);
        return roots;
    }

    public static RemoteCertificateValidationCallback Create(X509Certificate2Collection roots) =>
        (_, certificate, presentedChain, errors) => Validate(roots, certificate, presentedChain, errors);

    public static bool Validate(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = CustomRootChain(roots, presentedChain);
        return chain.Build(leaf);
    }

    /// <summary>
    /// A chain policy that trusts only <paramref name="roots"/>, with the intermediates the server sent along; no
    /// revocation check (a private CA at the province has no reachable CRL). Build it on the leaf; dispose it.
    /// </summary>
    public static X509Chain CustomRootChain(X509Certificate2Collection roots, X509Chain? presentedChain)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain;
    }
}

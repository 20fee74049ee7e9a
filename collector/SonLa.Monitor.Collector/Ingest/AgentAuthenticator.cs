using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Maps a bearer token to the one site it may write. Compares SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/> against every configured agent, so
/// neither the position nor the length of a near-miss shows in the timing.
/// </summary>
public sealed class AgentAuthenticator
{
    private readonly (byte[] Digest, string SiteId)[] _agents;

    public AgentAuthenticator(IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _agents = options.Value.Agents
            .Where(a => a.Token is { IsEmpty: false } && !string.IsNullOrWhiteSpace(a.SiteId))
            .Select(a => (Digest(a.Token!.Reveal()), a.SiteId!))
            .ToArray();
    }

    public int Count => _agents.Length;

    /// <summary>The site of the agent holding <paramref name="token"/>, or null.</summary>
    public string? Authenticate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var digest = Digest(token);
        string? site = null;
        foreach (var (candidate, siteId) in _agents)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                site = siteId;
            }
        }

        return site;
    }

    /// <summary>The token of an "authorization: Bearer TOKEN" header value, or null.</summary>
    public static string? BearerToken(string? authorization)
    {
        const string Prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Prefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

using System.Net;
using Microsoft.Extensions.Options;

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>
/// Agents send tokens: plain HTTP (h2c) is allowed only on loopback (demos, tests, a local
/// TLS-terminating proxy); every other endpoint must be https with a certificate.
/// </summary>
public sealed class EndpointOptionsValidator : IValidateOptions<EndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (key, url) in options.Urls)
        {
            if (!TrySplit(url, out var scheme, out var host))
            {
                builder.AddKeyError($"'{url}' is not a URL like https://0.0.0.0:5443", key);
            }
            else if (scheme == "http" && !IsLoopback(host))
            {
                builder.AddKeyError(
                    $"plain http on '{host}' is refused: agents' tokens would cross the network unencrypted; " +
                    "use https with Kestrel:Endpoints:NAME:Certificate, or bind http to 127.0.0.1/[::1]", key);
            }
            else if (scheme is not ("http" or "https"))
            {
                builder.AddKeyError($"scheme '{scheme}' is not http or https", key);
            }
        }

        return builder.Build();
    }

    public static bool IsLoopback(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    // Kestrel accepts hosts Uri does not ("*", "+"), so split by hand.
    private static bool TrySplit(string url, out string scheme, out string host)
    {
        scheme = host = "";
        var marker = url.IndexOf("://", StringComparison.Ordinal);
        if (marker <= 0)
        {
            return false;
        }

        scheme = url[..marker].ToLowerInvariant();
        var rest = url[(marker + 3)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = authority[..(close + 1)];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        return host.Length > 0;
    }
}

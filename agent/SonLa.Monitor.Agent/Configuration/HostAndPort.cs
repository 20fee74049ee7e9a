using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>A parsed HOST[:PORT]: an IPv4 address, a bracketed or bare IPv6 address, or a DNS name.</summary>
public sealed record HostAndPort(string Host, int Port)
{
    public IPAddress? Address => IPAddress.TryParse(Host, out var address) ? address : null;

    public override string ToString() =>
        Address is { AddressFamily: AddressFamily.InterNetworkV6 } ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    public static bool TryParse(string? text, int defaultPort, [NotNullWhen(true)] out HostAndPort? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() != text)
        {
            return false;
        }

        string host;
        var port = defaultPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryParsePort(rest[1..], out port)))
            {
                return false;
            }

            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            // Bare IPv6 without brackets cannot carry a port.
            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            host = text;
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            if (colon >= 0 && !TryParsePort(text[(colon + 1)..], out port))
            {
                return false;
            }

            if (!IsIPv4OrDnsName(host))
            {
                return false;
            }
        }

        result = new HostAndPort(host, port);
        return true;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    private static bool IsIPv4OrDnsName(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return IPAddress.TryParse(host, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork
                   && host.Count(c => c == '.') == 3;
        }

        return Uri.CheckHostName(host) == UriHostNameType.Dns;
    }
}

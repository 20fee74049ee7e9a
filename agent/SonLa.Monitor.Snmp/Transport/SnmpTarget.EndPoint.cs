using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Snmp.Transport;

public sealed partial record SnmpTarget
{
    /// <summary>
    /// Parses net-snmp's agent forms: "HOST", "HOST:PORT", "[::1]:1161", "::1", "udp:HOST:PORT",
    /// "udp6:[::1]:161". Host names go to DNS (IPv4 preferred, as net-snmp does); literals never do.
    /// </summary>
    public static IPEndPoint ParseEndPoint(string text, int defaultPort = DefaultPort)
    {
        var (host, port, literal) = Split(text, defaultPort);
        if (literal is not null)
        {
            return new IPEndPoint(literal, port);
        }

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (SocketException e)
        {
            throw new FormatException($"Cannot resolve host '{host}': {e.Message}", e);
        }

        return new IPEndPoint(Pick(host, addresses), port);
    }

    public static async Task<IPEndPoint> ParseEndPointAsync(string text, int defaultPort = DefaultPort, CancellationToken cancellationToken = default)
    {
        var (host, port, literal) = Split(text, defaultPort);
        if (literal is not null)
        {
            return new IPEndPoint(literal, port);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException e)
        {
            throw new FormatException($"Cannot resolve host '{host}': {e.Message}", e);
        }

        return new IPEndPoint(Pick(host, addresses), port);
    }

    private static IPAddress Pick(string host, IPAddress[] addresses) =>
        addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
        ?? addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6)
        ?? throw new FormatException($"Host '{host}' has no IP address.");

    private static (string Host, int Port, IPAddress? Literal) Split(string text, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.Trim();
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !rest.StartsWith('[') && rest.IndexOf(':', colon + 1) != colon + 1)
        {
            var transport = rest[..colon].ToUpperInvariant();
            switch (transport)
            {
                case "UDP" or "UDP6" or "UDPV6" or "UDPIPV6":
                    rest = rest[(colon + 1)..];
                    break;
                case "TCP" or "TCP6" or "TCPV6" or "TCPIPV6" or "UNIX" or "DTLSUDP" or "TLSTCP" or "SSH":
                    throw new FormatException($"'{text}': only UDP transport is supported.");
            }
        }

        string host;
        string? portText = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{text}': missing ']'.");
            }

            host = rest[1..close];
            var after = rest[(close + 1)..];
            if (after.Length > 0)
            {
                portText = after.StartsWith(':') ? after[1..] : throw new FormatException($"'{text}': expected ':PORT' after ']'.");
            }
        }
        else if (rest.Count(c => c == ':') > 1)
        {
            host = rest; // a bare IPv6 literal such as ::1 has no port
        }
        else
        {
            var separator = rest.IndexOf(':', StringComparison.Ordinal);
            host = separator < 0 ? rest : rest[..separator];
            portText = separator < 0 ? null : rest[(separator + 1)..];
        }

        if (host.Length == 0)
        {
            throw new FormatException($"'{text}': no host.");
        }

        var port = defaultPort;
        if (portText is not null &&
            (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new FormatException($"'{text}': '{portText}' is not a port from 1 to 65535.");
        }

        var literal = IPAddress.TryParse(host, out var address) && (host.Contains(':', StringComparison.Ordinal) || host.Count(c => c == '.') == 3)
            ? address
            : null;
        if (literal is null && host.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}': '{host}' is not an IPv6 address.");
        }

        return (host, port, literal);
    }
}

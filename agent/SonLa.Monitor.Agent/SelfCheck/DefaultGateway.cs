using System.Globalization;
using System.Net;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>The IPv4 default gateway from Linux's routing table (<c>/proc/net/route</c>), lowest metric first.</summary>
public static class DefaultGateway
{
    public const string ProcRoutePath = "/proc/net/route";

    private const int RouteUp = 0x1;
    private const int RouteGateway = 0x2;

    /// <summary>Null when the file is missing (not Linux) or holds no default route.</summary>
    public static IPAddress? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Parse(File.ReadLines(path));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Columns: Iface Destination Gateway Flags RefCnt Use Metric Mask ...; addresses are little-endian hex.</summary>
    public static IPAddress? Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        IPAddress? best = null;
        var bestMetric = int.MaxValue;
        foreach (var line in lines.Skip(1))
        {
            var columns = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 8
                || !uint.TryParse(columns[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var destination)
                || !uint.TryParse(columns[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var gateway)
                || !int.TryParse(columns[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                || !int.TryParse(columns[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var metric)
                || !uint.TryParse(columns[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                continue;
            }

            if (destination == 0 && mask == 0 && (flags & (RouteUp | RouteGateway)) == (RouteUp | RouteGateway) && metric < bestMetric)
            {
                // The kernel prints the address in host (little-endian) order: 010200C0 is 192.0.2.1.
                best = new IPAddress(gateway);
                bestMetric = metric;
            }
        }

        return best;
    }
}

using System.Globalization;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>Reads one value out of the collector's Prometheus text (<c>/metrics</c>).</summary>
public static class MetricsText
{
    /// <summary>The value of <paramref name="name"/> (with <c>site="..."</c> when <paramref name="site"/> is given); null when absent.</summary>
    public static double? Value(string metrics, string name, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var series = site is null ? name : $"{name}{{site=\"{site}\"}}";
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal)
                && double.TryParse(line.AsSpan(series.Length + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}

using System.Text;

namespace SonLa.Monitor.Collector.History;

/// <summary>The InfluxQL of the history and events endpoints. Pure functions of the request, so tests read the text.</summary>
public static class HistoryQueries
{
    private static readonly string[] EventColumns = ["message", "site", "device", "kind"];

    /// <summary>traffic: one statement; latency: devices, then ping targets unless a device is asked for.</summary>
    public static string History(HistoryRequest request, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(request);
        var step = InfluxQl.Duration(request.Range.Step);
        var window = $"time >= {InfluxQl.Time(from)} AND time < {InfluxQl.Time(to)}";
        var site = $"{InfluxQl.Identifier("site")} = {InfluxQl.String(request.Site)}";
        if (request.Metric == HistoryMetric.Traffic)
        {
            return $"SELECT {Mean("in_bps")}, {Mean("out_bps")} FROM {InfluxQl.Identifier("interface")} WHERE {site}"
                + $" AND {Equal("device", request.Device ?? "")} AND {Equal("if_index", request.IfIndex ?? "")}"
                + $" AND {window} GROUP BY time({step}) fill(null)";
        }

        var text = new StringBuilder();
        text.Append($"SELECT {Mean("response_ms")} FROM {InfluxQl.Identifier("device")} WHERE {site}");
        if (request.Device is not null)
        {
            text.Append($" AND {Equal("device", request.Device)}");
        }

        text.Append($" AND {window} GROUP BY time({step}), {InfluxQl.Identifier("device")} fill(null)");
        if (request.Device is null)
        {
            text.Append($"; SELECT {Mean("rtt_ms")} FROM {InfluxQl.Identifier("ping")} WHERE {site}"
                + $" AND {window} GROUP BY time({step}), {InfluxQl.Identifier("target")} fill(null)");
        }

        return text.ToString();
    }

    public static string Events(EventRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder("SELECT ")
            .Append(string.Join(", ", EventColumns.Select(InfluxQl.Identifier)))
            .Append(" FROM ").Append(InfluxQl.Identifier("event"))
            .Append(" WHERE time >= ").Append(InfluxQl.Time(request.Since));
        if (request.Site is not null)
        {
            text.Append(" AND ").Append(Equal("site", request.Site));
        }

        if (request.Kind is not null)
        {
            text.Append(" AND ").Append(Equal("kind", request.Kind));
        }

        return text.Append(" ORDER BY time DESC LIMIT ").Append(request.Limit).ToString();
    }

    private static string Mean(string field) => $"mean({InfluxQl.Identifier(field)}) AS {InfluxQl.Identifier(field)}";

    private static string Equal(string tag, string value) => $"{InfluxQl.Identifier(tag)} = {InfluxQl.String(value)}";
}

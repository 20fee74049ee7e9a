using System.Text.Json;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.History;

/// <summary>Chart data and events from InfluxDB: runs <see cref="HistoryQueries"/> and shapes the answers.</summary>
public sealed class HistoryReader(InfluxQueryClient influx, TimeProvider time, IOptions<AccessOptions> access)
{
    /// <summary>A site has a handful of devices and ping targets; more series than this would not be readable anyway.</summary>
    public const int MaxSeries = 40;

    private readonly Lazy<Dictionary<string, string>> _siteNames = new(() => access.Value.Sites
        .Where(s => !string.IsNullOrEmpty(s.Id) && !string.IsNullOrWhiteSpace(s.Name))
        .GroupBy(s => s.Id!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Name!, StringComparer.Ordinal));

    public DateTimeOffset Now => time.GetUtcNow();

    /// <exception cref="InfluxQueryException">InfluxDB cannot be read.</exception>
    public async Task<HistoryAnswer> ReadAsync(HistoryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = request.Range.Window(Now);
        var series = await influx.QueryAsync(HistoryQueries.History(request, from, to), cancellationToken);
        var grid = Grid(from, request.Range);
        List<HistorySeries> lines;
        if (request.Metric == HistoryMetric.Traffic)
        {
            // Both lines always, all null when the interface has no data: the chart shows its empty state.
            var found = series.Count > 0 ? series[0] : null;
            lines = [Line("in_bps", "bps", grid, found, "in_bps"), Line("out_bps", "bps", grid, found, "out_bps")];
        }
        else
        {
            var devices = series.Where(s => s.Statement == 0)
                .Select(s => (Name: s.Tag("device") ?? "", Series: s, Field: "response_ms"))
                .OrderBy(s => s.Name, StringComparer.Ordinal);
            var pings = series.Where(s => s.Statement == 1)
                .Select(s => (Name: "ping:" + (s.Tag("target") ?? ""), Series: s, Field: "rtt_ms"))
                .OrderBy(s => s.Name, StringComparer.Ordinal);
            lines = devices.Concat(pings).Take(MaxSeries).Select(s => Line(s.Name, "ms", grid, s.Series, s.Field)).ToList();
        }

        return new HistoryAnswer(request.Site, request.Metric, request.Range.Name, (int)request.Range.Step.TotalSeconds, from, to, lines);
    }

    /// <exception cref="InfluxQueryException">InfluxDB cannot be read.</exception>
    public async Task<EventList> EventsAsync(EventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = await influx.QueryAsync(HistoryQueries.Events(request), cancellationToken);
        var events = new List<(long Time, EventView View)>();
        foreach (var s in series)
        {
            int time = s.Column("time"), message = s.Column("message"), site = s.Column("site"),
                device = s.Column("device"), kind = s.Column("kind");
            foreach (var row in s.Rows)
            {
                if (At(row, time) is not { ValueKind: JsonValueKind.Number } t || !t.TryGetInt64(out var ms))
                {
                    continue;
                }

                var siteId = String(At(row, site)) ?? s.Tag("site") ?? "";
                events.Add((ms, new EventView(
                    DateTimeOffset.FromUnixTimeMilliseconds(ms),
                    siteId,
                    SiteName(siteId),
                    String(At(row, device)) ?? s.Tag("device"),
                    String(At(row, kind)) ?? s.Tag("kind"),
                    String(At(row, message)))));
            }
        }

        return new EventList(events.OrderByDescending(e => e.Time).Take(request.Limit).Select(e => e.View).ToList());
    }

    public string SiteName(string siteId) => _siteNames.Value.TryGetValue(siteId, out var name) ? name : siteId;

    private static long[] Grid(DateTimeOffset from, HistoryRange range)
    {
        var start = from.ToUnixTimeMilliseconds();
        var step = (long)range.Step.TotalMilliseconds;
        return Enumerable.Range(0, range.Points).Select(i => start + (i * step)).ToArray();
    }

    private static HistorySeries Line(string name, string unit, long[] grid, InfluxSeries? series, string field)
    {
        var values = new Dictionary<long, double>();
        if (series is not null)
        {
            int time = series.Column("time"), column = series.Column(field);
            foreach (var row in series.Rows)
            {
                if (At(row, time) is { ValueKind: JsonValueKind.Number } t && t.TryGetInt64(out var ms)
                    && At(row, column) is { ValueKind: JsonValueKind.Number } v)
                {
                    values[ms] = v.GetDouble();
                }
            }
        }

        return new HistorySeries(name, unit, grid.Select(t => new HistoryPoint(t, values.TryGetValue(t, out var v) ? v : null)).ToList());
    }

    private static JsonElement? At(JsonElement[] row, int index) => index >= 0 && index < row.Length ? row[index] : null;

    private static string? String(JsonElement? value) => value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}

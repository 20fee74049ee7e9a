using System.Text.Json;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>What InfluxDB holds of one device's polls, read back for the audit.</summary>
public static class StoredData
{
    public static async Task<IReadOnlyList<StoredPoll>> DevicePollsAsync(InfluxServer influx, string device)
    {
        ArgumentNullException.ThrowIfNull(influx);
        var rows = await influx.QueryRowsAsync(
            $"SELECT uptime_s, reachable FROM device WHERE site = '{MonitoringStack.SiteId}' AND device = '{device}'");
        return [.. rows.Select(r => new StoredPoll(
            Time(r["time"]),
            r.TryGetValue("uptime_s", out var uptime) && uptime.ValueKind == JsonValueKind.Number ? (long)uptime.GetDouble() : null,
            r.TryGetValue("reachable", out var reachable) && reachable.ValueKind == JsonValueKind.Number && reachable.GetDouble() == 1))];
    }

    /// <summary>The timestamps of the device's <c>interface</c> points, per if_index.</summary>
    public static async Task<IReadOnlyDictionary<string, HashSet<DateTimeOffset>>> InterfaceTimesAsync(InfluxServer influx, string device)
    {
        ArgumentNullException.ThrowIfNull(influx);
        var rows = await influx.QueryRowsAsync(
            $"SELECT oper_status FROM interface WHERE site = '{MonitoringStack.SiteId}' AND device = '{device}' GROUP BY if_index");
        return rows.GroupBy(r => r["if_index"].GetString() ?? "")
            .ToDictionary(g => g.Key, g => g.Select(r => Time(r["time"])).ToHashSet());
    }

    /// <summary>Every point of the site in every measurement (one row per series and timestamp).</summary>
    public static async Task<int> CountSitePointsAsync(InfluxServer influx)
    {
        ArgumentNullException.ThrowIfNull(influx);
        var measurements = await influx.QueryRowsAsync("SHOW MEASUREMENTS");
        var total = 0;
        foreach (var name in measurements.Select(m => m["name"].GetString()))
        {
            var rows = await influx.QueryRowsAsync($"SELECT * FROM \"{name}\" WHERE site = '{MonitoringStack.SiteId}' GROUP BY *");
            total += rows.Count;
        }

        return total;
    }

    private static DateTimeOffset Time(JsonElement unixNanoseconds) => DateTimeOffset.UnixEpoch.AddTicks(unixNanoseconds.GetInt64() / 100);
}

using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>Writes line protocol straight to a real influxd (<c>POST /write?precision=ms</c>), for data at known times.</summary>
internal static class LineWriter
{
    public static async Task WriteAsync(string influxUrl, IEnumerable<string> lines)
    {
        using var http = new HttpClient();
        using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8);
        using var response = await http.PostAsync(influxUrl + "/write?db=sonla_monitor&precision=ms", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"write failed: {(int)response.StatusCode} {body}");
    }

    /// <summary>A tag value as line protocol wants it: comma, space and '=' escaped (quotes are plain characters there).</summary>
    public static string Tag(string value) => value.Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(" ", "\\ ", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal);

    public static string Text(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static string Interface(string site, string device, string ifIndex, DateTimeOffset at, double inBps, double outBps) =>
        FormattableString.Invariant($"interface,site={Tag(site)},device={Tag(device)},if_index={Tag(ifIndex)},if_name=ge0 in_bps={inBps},out_bps={outBps} {Ms(at)}");

    public static string Device(string site, string device, DateTimeOffset at, double responseMs) =>
        FormattableString.Invariant($"device,site={Tag(site)},device={Tag(device)} reachable=1i,response_ms={responseMs} {Ms(at)}");

    public static string Ping(string site, string target, DateTimeOffset at, double rttMs) =>
        FormattableString.Invariant($"ping,site={Tag(site)},target={Tag(target)} rtt_ms={rttMs},loss_percent=0 {Ms(at)}");

    public static string Event(string site, string device, string kind, DateTimeOffset at, string message) =>
        $"event,site={Tag(site)},device={Tag(device)},kind={Tag(kind)} message={Text(message)} {Ms(at)}";
}

using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using SonLa.Monitor.Collector.Tests.Auth;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>GET /api/sites/{id}/history and /charts/{metric}.svg through the real collector and a real influxd.</summary>
public class HistoryApiTests(HistoryApiFixture fixture) : IClassFixture<HistoryApiFixture>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Traffic_HasTheDocumentedShape_AndTheData()
    {
        var answer = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=traffic&range=1h&device=router&if_index=2");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("application/json", answer.MediaType);
        var json = answer.Json;
        Assert.Equal(["site", "metric", "range", "step_s", "from", "to", "series"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("chieng-coi", json.GetProperty("site").GetString());
        Assert.Equal("traffic", json.GetProperty("metric").GetString());
        Assert.Equal("1h", json.GetProperty("range").GetString());
        Assert.Equal(30, json.GetProperty("step_s").GetInt32());
        var from = json.GetProperty("from").GetDateTimeOffset();
        var to = json.GetProperty("to").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), to - from);
        Assert.Equal(TimeSpan.Zero, from.Offset);
        Assert.Equal(0, from.ToUnixTimeMilliseconds() % 30_000);
        Assert.InRange(to, fixture.Start, DateTimeOffset.UtcNow.AddSeconds(31));

        var series = json.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["in_bps", "out_bps"], series.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["name", "unit", "points"], series[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("bps", series[0].GetProperty("unit").GetString());
        var points = series[0].GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(120, points.Count);
        Assert.All(points, p => Assert.Equal(2, p.GetArrayLength()));
        var at = points.ToDictionary(p => p[0].GetInt64(), p => p[1]);
        var step = fixture.Step.ToUnixTimeMilliseconds();
        Assert.Equal(200, at[step].GetDouble());
        Assert.Equal(JsonValueKind.Null, at[step + 30_000].ValueKind);
        Assert.Equal(2_500_000, at[step + 60_000].GetDouble());
        Assert.DoesNotContain("99999", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latency_NamesDevicesAndPingTargets_SiteUserSeesItsOwnSite()
    {
        var answer = await fixture.SiteUser.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=latency&range=24h");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(300, answer.Json.GetProperty("step_s").GetInt32());
        var series = answer.Json.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["router", "ups <b>&</b>", "ping:8.8.8.8"], series.Select(s => s.GetProperty("name").GetString()));
        Assert.All(series, s => Assert.Equal("ms", s.GetProperty("unit").GetString()));
        Assert.All(series, s => Assert.Equal(288, s.GetProperty("points").GetArrayLength()));
        Assert.DoesNotContain("999", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileDevice_IsOneLiteral_FoundExactly_AndNeverAnotherSitesData()
    {
        var exact = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=traffic&range=1h&if_index=2&device="
            + Uri.EscapeDataString(HistoryApiFixture.HostileDevice));
        Assert.True(exact.Status == HttpStatusCode.OK, exact.ToString());
        Assert.Equal([4242.0], Values(exact, "in_bps"));

        string[] hostile =
        [
            "router' OR '1'='1", "router\\' OR site='muong-bu", "router\\", "x'; DROP DATABASE sonla_monitor; --",
            "\"", "router\") OR (\"a\"=\"a", "\\'", "' OR \"site\" =~ /.*/ OR '", "router'' OR ''='",
        ];
        foreach (var device in hostile)
        {
            foreach (var ifIndex in new[] { "2", device })
            {
                var answer = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=traffic&range=1h"
                    + "&device=" + Uri.EscapeDataString(device) + "&if_index=" + Uri.EscapeDataString(ifIndex));
                Assert.True(answer.Status == HttpStatusCode.OK, $"{device}: {answer}");
                Assert.Empty(Values(answer, "in_bps"));
            }

            var latency = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=latency&range=1h&device=" + Uri.EscapeDataString(device));
            Assert.True(latency.Status == HttpStatusCode.OK, $"{device}: {latency}");
            Assert.Empty(latency.Json.GetProperty("series").EnumerateArray());
        }

        foreach (var control in new[] { "router'\nSELECT * FROM interface", "router\r\n", "ro\u0000uter", "\u001b[2J" })
        {
            var answer = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/history?metric=traffic&range=1h&if_index=2&device="
                + Uri.EscapeDataString(control));
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        }

        // The database is still there and whole.
        var rows = await fixture.Influx.QueryRowsAsync(
            "SELECT count(in_bps) FROM interface WHERE site = 'chieng-coi' AND device = 'router' AND if_index = '2' AND time > now() - 1h");
        Assert.Equal(3, rows.Single()["count"].GetInt32());
    }

    [Fact]
    public async Task TrafficChart_IsSvgWithTitleLegendAPathPerSeriesAndAGap()
    {
        var answer = await fixture.Viewer.GetAsync($"/api/sites/{HistoryApiFixture.Site}/charts/traffic.svg?range=1h&device=router&if_index=2");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("image/svg+xml", answer.MediaType);
        ChartArtifacts.Save("traffic-1h.svg", answer.Body);
        Assert.True(answer.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 30 }, answer.Headers.CacheControl?.ToString());
        var svg = XDocument.Parse(answer.Body).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.StartsWith("Lưu lượng router / cổng 2 — Xã Chiềng Cơi", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        var paths = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "series").ToList();
        Assert.Equal(["in_bps", "out_bps"], paths.Select(p => (string?)p.Attribute("data-series")));
        // 07:xx:00 has data, :30 none, then data again: two subpaths.
        Assert.All(paths, p => Assert.Equal(2, ((string)p.Attribute("d")!).Count(c => c == 'M')));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Mbit/s");
        Assert.Equal(["Vào", "Ra"], svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item").Select(g => g.Value));
    }

    [Fact]
    public async Task LatencyChart_InEnglish_EscapesDeviceNames()
    {
        var answer = await fixture.SiteUser.GetAsync($"/api/sites/{HistoryApiFixture.Site}/charts/latency.svg?range=7d&lang=en");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        ChartArtifacts.Save("latency-7d-en.svg", answer.Body);
        Assert.DoesNotContain("<b>", answer.Body, StringComparison.Ordinal);
        var svg = XDocument.Parse(answer.Body).Root!;
        Assert.Equal("Latency — Xã Chiềng Cơi (last 7 days)", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "ups <b>&</b>");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Vietnam time (UTC+7)");
        Assert.Equal(3, svg.Descendants(Svg + "path").Count());
    }

    [Theory]
    [InlineData("/api/sites/chieng-coi/history?metric=traffic&range=1h&device=router&if_index=2")]
    [InlineData("/api/sites/chieng-coi/charts/latency.svg?range=24h")]
    public async Task WithoutLogin_Is401(string path)
    {
        using var anonymous = fixture.Host.NewSession();
        var answer = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("unauthorized", answer.Error);
    }

    [Theory]
    [InlineData("/api/sites/muong-bu/history?metric=latency&range=1h", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("/api/sites/muong-bu/charts/latency.svg?range=1h", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("/api/sites/xa-khong-co/history?metric=latency&range=1h", HttpStatusCode.Forbidden, "forbidden")]
    public async Task SiteUser_OtherSite_Is403(string path, HttpStatusCode status, string error)
    {
        var answer = await fixture.SiteUser.GetAsync(path);
        Assert.Equal(status, answer.Status);
        Assert.Equal(error, answer.Error);
    }

    [Theory]
    [InlineData("/api/sites/xa-khong-co/history?metric=latency&range=1h", HttpStatusCode.NotFound)]
    [InlineData("/api/sites/xa-khong-co/charts/latency.svg?range=1h", HttpStatusCode.NotFound)]
    [InlineData("/api/sites/chieng-coi/history?metric=cpu&range=1h", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/history?range=1h", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/history?metric=latency&range=2h", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/history?metric=latency", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/charts/latency.svg", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/history?metric=traffic&range=1h&device=router", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/history?metric=traffic&range=1h&if_index=2", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/charts/cpu.svg?range=1h", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/charts/latency.svg?range=1h&lang=fr", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/chieng-coi/charts/traffic.svg?range=1h", HttpStatusCode.BadRequest)]
    public async Task Viewer_UnknownSite404_BadParameters400(string path, HttpStatusCode status)
    {
        var answer = await fixture.Viewer.GetAsync(path);
        Assert.Equal(status, answer.Status);
        Assert.Equal(status == HttpStatusCode.NotFound ? "not_found" : "invalid_request", answer.Error);
    }

    [Fact]
    public async Task TooLongDevice_Is400()
    {
        var answer = await fixture.Viewer.GetAsync("/api/sites/chieng-coi/history?metric=latency&range=1h&device=" + new string('r', 201));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    private static List<double> Values(ApiSession.Answer answer, string series) =>
        answer.Json.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == series)
            .GetProperty("points").EnumerateArray().Where(p => p[1].ValueKind == JsonValueKind.Number).Select(p => p[1].GetDouble()).ToList();
}

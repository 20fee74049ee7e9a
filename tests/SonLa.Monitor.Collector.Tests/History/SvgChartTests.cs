using System.Globalization;
using System.Xml.Linq;
using SonLa.Monitor.Collector.History;
using SonLa.Monitor.Collector.History.Charts;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>The SVG renderer on known answers: well-formed XML, accessible title/desc, legend, paths, gaps, escaping.</summary>
public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly DateTimeOffset To = new(2026, 11, 27, 7, 40, 0, TimeSpan.Zero);

    [Fact]
    public void Traffic_HasTitleDescAxesLegendAndOnePathPerSeries_BrokenAtGaps()
    {
        double?[] inValues = [1_000_000, 2_000_000, null, null, 3_000_000, null, 4_000_000];
        var answer = Answer("traffic", ("in_bps", "bps", inValues), ("out_bps", "bps", [500_000, 600_000, 700_000, 800_000, 900_000, 1_000_000, 1_100_000]));
        var text = SvgChart.Render(answer, new HistoryRequest("chieng-coi", "traffic", HistoryRange.Day, "router", "2"), "Xã Chiềng Cơi", ChartLanguage.Vietnamese);
        ChartArtifacts.Save("traffic-gaps.svg", text);
        var svg = Parse(text);

        Assert.Equal("0 0 720", string.Join(' ', ((string)svg.Attribute("viewBox")!).Split(' ').Take(3)));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Lưu lượng router / cổng 2 — Xã Chiềng Cơi (24 giờ qua)", svg.Element(Svg + "title")!.Value);
        Assert.Contains("Vào: cao nhất 4 Mbit/s", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Lưu lượng router / cổng 2 — Xã Chiềng Cơi (24 giờ qua)");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Mbit/s");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Giờ Việt Nam (UTC+7)");
        Assert.Equal(["Vào", "Ra"], LegendTexts(svg));

        var paths = Paths(svg);
        Assert.Equal(2, paths.Count);
        // in: [1M 2M] gap [3M] gap [4M] — three subpaths; out has no gap — one.
        Assert.Equal(3, Subpaths(paths[0]));
        Assert.Equal(1, Subpaths(paths[1]));
        // The lone 3 Mbit/s between two gaps is marked with a dot; values with a neighbour are not.
        Assert.Equal(["in_bps", "in_bps"], svg.Descendants(Svg + "circle").Select(c => (string?)c.Attribute("data-series")));
        Assert.NotEqual((string?)paths[0].Attribute("stroke"), (string?)paths[1].Attribute("stroke"));
        Assert.DoesNotContain(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("class") == "empty");
    }

    [Fact]
    public void ADayOfTraffic_WithAnOutage_IsTwoRunsPerSeries()
    {
        // 288 five-minute steps; the link was down from step 150 to 180 (no data, not zero).
        double? Rate(int i, double peak) => i is >= 150 and < 180 ? null : peak * (0.55 + (0.45 * Math.Sin(i / 288.0 * 2 * Math.PI)));
        var inValues = Enumerable.Range(0, 288).Select(i => Rate(i, 42_000_000)).ToArray();
        var outValues = Enumerable.Range(0, 288).Select(i => Rate(i, 9_000_000)).ToArray();
        var text = SvgChart.Render(Answer("traffic", ("in_bps", "bps", inValues), ("out_bps", "bps", outValues)),
            new HistoryRequest("chieng-coi", "traffic", HistoryRange.Day, "router", "2"), "Xã Chiềng Cơi", ChartLanguage.Vietnamese);
        ChartArtifacts.Save("traffic-24h.svg", text);
        var paths = Paths(Parse(text));
        Assert.All(paths, p => Assert.Equal(2, Subpaths(p)));
        Assert.All(paths, p => Assert.Equal(288 - 30 - 2, ((string)p.Attribute("d")!).Count(c => c == 'L')));
    }

    [Fact]
    public void AxisTicks_AreVietnamTime_AndTheYAxisNice()
    {
        var answer = Answer("traffic", ("in_bps", "bps", [0, 730_000]), ("out_bps", "bps", [null, null]));
        var svg = Parse(SvgChart.Render(answer, new HistoryRequest("s", "traffic", HistoryRange.Day, "r", "1"), "s", ChartLanguage.English));
        var labels = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-axis").Elements(Svg + "text").Select(t => t.Value).ToList();
        // 24h ending 07:40 UTC = 14:40 in Vietnam; 3-hourly ticks from 15:00 the day before.
        Assert.Equal(["15:00", "18:00", "21:00", "00:00", "03:00", "06:00", "09:00", "12:00", "Vietnam time (UTC+7)"], labels);
        var ticks = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "y-axis").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["0", "200", "400", "600", "800", "kbit/s"], ticks);
    }

    [Fact]
    public void NoData_ShowsTheEmptyStateInTheLanguage_AndNoPath()
    {
        var answer = Answer("latency");
        var empty = SvgChart.Render(answer, new HistoryRequest("s", "latency", HistoryRange.Day, null, null), "Xã Mường Bú", ChartLanguage.Vietnamese);
        ChartArtifacts.Save("latency-empty.svg", empty);
        var vi = Parse(empty);
        Assert.Equal("Chưa có dữ liệu", vi.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "empty").Value);
        Assert.Empty(Paths(vi));
        Assert.Equal("Độ trễ — Xã Mường Bú (24 giờ qua)", vi.Element(Svg + "title")!.Value);

        var allNull = Answer("traffic", ("in_bps", "bps", [null, null]), ("out_bps", "bps", [null]));
        var en = Parse(SvgChart.Render(allNull, new HistoryRequest("s", "traffic", HistoryRange.Day, "r", "1"), "s", ChartLanguage.English));
        Assert.Equal("No data yet", en.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "empty").Value);
        Assert.Equal(["In", "Out"], LegendTexts(en));
    }

    [Fact]
    public void HostileNames_AreEscaped_AndTheDocumentStaysWellFormed()
    {
        const string device = "<script>alert('x')</script> & \"r\"\u0001\uD800";
        var answer = Answer("latency", (device, "ms", [1, 2]), ("ping:8.8.8.8", "ms", [3, null, 4]));
        var text = SvgChart.Render(answer, new HistoryRequest("s", "latency", HistoryRange.Day, device, null), "Xã <i>", ChartLanguage.Vietnamese);
        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", text, StringComparison.Ordinal);
        var svg = Parse(text);
        Assert.Contains("<script>alert('x')</script> & \"r\"??", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & \"r\"??", LegendTexts(svg)[0], StringComparison.Ordinal);
        Assert.Equal(["ping:8.8.8.8"], LegendTexts(svg).Skip(1));
        Assert.Empty(svg.Descendants(Svg + "script"));
    }

    [Fact]
    public void ManySeries_WrapTheLegend_AndTheViewBoxGrows()
    {
        var many = Enumerable.Range(0, 20).Select(i => ($"thiet-bi-{i:00}-ten-dai", "ms", new double?[] { i, i + 1 })).ToArray();
        var text = SvgChart.Render(Answer("latency", many), new HistoryRequest("s", "latency", HistoryRange.Day, null, null), "s", ChartLanguage.Vietnamese);
        ChartArtifacts.Save("latency-many.svg", text);
        var svg = Parse(text);
        Assert.Equal(20, Paths(svg).Count);
        var height = int.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[3], CultureInfo.InvariantCulture);
        var legendYs = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item")
            .Select(g => double.Parse((string)g.Element(Svg + "text")!.Attribute("y")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(legendYs.Distinct().Count() > 1);
        Assert.True(legendYs.Max() < height);
        Assert.All(svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item"),
            g => Assert.InRange(double.Parse((string)g.Element(Svg + "line")!.Attribute("x1")!, CultureInfo.InvariantCulture), 0, 700));
    }

    [Fact]
    public void Colours_HaveWcagAaContrastOnWhite()
    {
        foreach (var colour in SvgChart.Palette.Append(SvgChart.TextColour).Append(SvgChart.MutedTextColour))
        {
            Assert.True(Contrast(colour) >= 4.5, $"{colour}: {Contrast(colour):0.00}:1");
        }
    }

    [Theory]
    [InlineData(0.0, "bps", "bit/s", 1.0)]
    [InlineData(730_000.0, "bps", "kbit/s", 800.0)]
    [InlineData(2_000_000.0, "bps", "Mbit/s", 2.0)]
    [InlineData(95_000_000.0, "bps", "Mbit/s", 100.0)]
    [InlineData(1_200_000_000.0, "bps", "Gbit/s", 1.25)]
    [InlineData(41.5, "ms", "ms", 50.0)]
    public void Scale_PicksAUnitAndANiceTop(double highest, string unit, string label, double top)
    {
        var scale = ChartScale.For(unit, highest);
        Assert.Equal(label, scale.Unit);
        Assert.Equal(top, scale.Top, 9);
        Assert.Equal(0, scale.Ticks[0]);
        Assert.Equal(top, scale.Ticks[^1], 9);
        Assert.InRange(scale.Ticks.Count, 3, 7);
    }

    [Fact]
    public void WeekTicks_AreLocalMidnights_AsDayMonth()
    {
        var to = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var ticks = ChartTimeAxis.Ticks(to.AddDays(-7), to, "7d");
        Assert.Equal(["21/11", "22/11", "23/11", "24/11", "25/11", "26/11", "27/11"], ticks.Select(t => t.Label));
        Assert.All(ticks, t => Assert.Equal(17, t.Time.UtcDateTime.Hour));
    }

    private static HistoryAnswer Answer(string metric, params (string Name, string Unit, double?[] Values)[] series)
    {
        var from = To.AddHours(-24);
        var lines = series.Select(s => new HistorySeries(s.Name, s.Unit,
            s.Values.Select((v, i) => new HistoryPoint(from.AddMinutes(5 * i).ToUnixTimeMilliseconds(), v)).ToList())).ToList();
        return new HistoryAnswer("s", metric, "24h", 300, from, To, lines);
    }

    private static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        return root;
    }

    private static List<XElement> Paths(XElement svg) => svg.Descendants(Svg + "path").ToList();

    private static int Subpaths(XElement path) => ((string)path.Attribute("d")!).Count(c => c == 'M');

    private static List<string> LegendTexts(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item").Select(g => g.Value).ToList();

    private static double Contrast(string hex)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var rgb = Convert.FromHexString(hex[1..]);
        var luminance = (0.2126 * Channel(rgb[0])) + (0.7152 * Channel(rgb[1])) + (0.0722 * Channel(rgb[2]));
        return 1.05 / (luminance + 0.05);
    }
}

using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.History.Charts;

/// <summary>
/// Draws a <see cref="HistoryAnswer"/> as an SVG line chart for an <c>&lt;img&gt;</c>: a viewBox that scales to any
/// width, a title (also as <c>&lt;title&gt;</c>, with a <c>&lt;desc&gt;</c> summary for screen readers), a y axis in a
/// readable unit, Vietnam time on the x axis, one path per series broken where a step has no data, a legend, and
/// an empty-state text when there is no data at all. Every name is escaped (<see cref="SvgText"/>).
/// </summary>
public static class SvgChart
{
    public const string ContentType = "image/svg+xml";
    public const int Width = 720;
    public const string TextColour = "#1a1a1a";
    public const string MutedTextColour = "#4d4d4d";

    /// <summary>Line colours with a contrast of at least 4.5:1 on white (WCAG AA), so legend text in them is readable too.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#1f5fa8", "#b3400a", "#1b7a3a", "#7b2d9b", "#a3153f", "#00707a", "#6b5300", "#3d4a5c"];

    private const int Left = 64;
    private const int Right = Width - 16;
    private const int Top = 44;
    private const int PlotHeight = 200;
    private const int Bottom = Top + PlotHeight;
    private const int LegendTop = Bottom + 48;
    private const int LegendRowHeight = 20;

    public static string Render(HistoryAnswer answer, HistoryRequest request, string siteName, ChartLanguage language)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(language);
        var legend = LegendLayout(answer.Series, language);
        var height = LegendTop + (Math.Max(1, legend.Count == 0 ? 1 : legend[^1].Row + 1) * LegendRowHeight) + 4;
        var title = Title(answer, request, siteName, language);
        var values = answer.Series.SelectMany(s => s.Points).Select(p => p.Value).OfType<double>().Where(double.IsFinite).ToList();
        var unit = answer.Series.Count > 0 ? answer.Series[0].Unit : (answer.Metric == HistoryMetric.Traffic ? "bps" : "ms");
        var scale = ChartScale.For(unit, values.Count == 0 ? 0 : values.Max());

        var svg = new StringBuilder(16 * 1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\"")
            .Append(" role=\"img\" aria-labelledby=\"chart-title chart-desc\" preserveAspectRatio=\"xMidYMid meet\"")
            .Append(" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif\" font-size=\"12\">\n");
        svg.Append("<title id=\"chart-title\">").Append(SvgText.Escape(title)).Append("</title>\n");
        svg.Append("<desc id=\"chart-desc\">").Append(SvgText.Escape(Description(answer, scale, language, values.Count == 0))).Append("</desc>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"chart-title\" x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"600\" fill=\"{TextColour}\">")
            .Append(SvgText.Escape(SvgText.Shorten(title, 90))).Append("</text>\n");

        YAxis(svg, scale, language);
        XAxis(svg, answer, language);
        if (values.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"empty\" x=\"{(Left + Right) / 2}\" y=\"{(Top + Bottom) / 2}\" text-anchor=\"middle\" font-size=\"16\" fill=\"{MutedTextColour}\">")
                .Append(SvgText.Escape(language.NoData)).Append("</text>\n");
        }

        for (var i = 0; i < answer.Series.Count; i++)
        {
            Line(svg, answer, answer.Series[i], i, scale);
        }

        Legend(svg, legend);
        return svg.Append("</svg>\n").ToString();
    }

    private static string Title(HistoryAnswer answer, HistoryRequest request, string siteName, ChartLanguage language)
    {
        var range = language.Ranges.TryGetValue(answer.Range, out var r) ? r : answer.Range;
        var what = answer.Metric == HistoryMetric.Traffic
            ? $"{language.Traffic} {request.Device} / {language.Interface} {request.IfIndex}"
            : request.Device is null ? language.Latency : $"{language.Latency} {request.Device}";
        return $"{what} — {siteName} ({range})";
    }

    private static string Description(HistoryAnswer answer, ChartScale scale, ChartLanguage language, bool empty)
    {
        if (empty)
        {
            return language.NoData + ".";
        }

        var parts = answer.Series.Select(s =>
        {
            var values = s.Points.Select(p => p.Value).OfType<double>().Where(double.IsFinite).ToList();
            var name = language.SeriesLabel(s.Name);
            return values.Count == 0
                ? $"{name}: {language.NoData.ToLowerInvariant()}"
                : $"{name}: {language.Highest} {scale.Label(values.Max() * 1, language.DecimalSeparator)}, "
                  + $"{language.Average} {scale.Label(values.Average(), language.DecimalSeparator)}";
        });
        return string.Join("; ", parts) + ".";
    }

    private static void YAxis(StringBuilder svg, ChartScale scale, ChartLanguage language)
    {
        svg.Append("<g class=\"y-axis\">\n");
        foreach (var tick in scale.Ticks)
        {
            var y = Y(tick, scale.Top);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Right}\" y2=\"{F(y)}\" stroke=\"{(tick == 0 ? "#8c8c8c" : "#e3e3e3")}\" stroke-width=\"1\"/>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" fill=\"{MutedTextColour}\">")
                .Append(SvgText.Escape(ChartScale.Format(tick, language.DecimalSeparator))).Append("</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"unit\" x=\"{Left - 6}\" y=\"{Top - 10}\" text-anchor=\"end\" fill=\"{MutedTextColour}\">")
            .Append(SvgText.Escape(scale.Unit)).Append("</text>\n</g>\n");
    }

    private static void XAxis(StringBuilder svg, HistoryAnswer answer, ChartLanguage language)
    {
        svg.Append("<g class=\"x-axis\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Bottom}\" x2=\"{Left}\" y2=\"{Top}\" stroke=\"#8c8c8c\" stroke-width=\"1\"/>\n");
        foreach (var (time, label) in ChartTimeAxis.Ticks(answer.From, answer.To, answer.Range))
        {
            var x = X(answer, time.ToUnixTimeMilliseconds());
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{Bottom}\" x2=\"{F(x)}\" y2=\"{Bottom + 5}\" stroke=\"#8c8c8c\" stroke-width=\"1\"/>\n");
            // Labels at the very ends stay inside the image.
            var anchor = x > Right - 20 ? "end" : x < Left + 20 ? "start" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{Bottom + 18}\" text-anchor=\"{anchor}\" fill=\"{MutedTextColour}\">")
                .Append(SvgText.Escape(label)).Append("</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"time-zone\" x=\"{Right}\" y=\"{Bottom + 34}\" text-anchor=\"end\" fill=\"{MutedTextColour}\">")
            .Append(SvgText.Escape(language.TimeAxis)).Append("</text>\n</g>\n");
    }

    private static void Line(StringBuilder svg, HistoryAnswer answer, HistorySeries series, int index, ChartScale scale)
    {
        // Runs of consecutive steps with data; a step without data ends a run (a gap in the line, not a zero).
        var runs = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? run = null;
        foreach (var point in series.Points)
        {
            if (point.Value is not { } value || !double.IsFinite(value))
            {
                run = null;
                continue;
            }

            if (run is null)
            {
                run = [];
                runs.Add(run);
            }

            run.Add((X(answer, point.UnixMs), Y(value / scale.Divisor, scale.Top)));
        }

        if (runs.Count == 0)
        {
            return;
        }

        var d = new StringBuilder();
        foreach (var r in runs)
        {
            d.Append(d.Length == 0 ? "M" : " M").Append(F(r[0].X)).Append(' ').Append(F(r[0].Y));
            foreach (var (x, y) in r.Skip(1))
            {
                d.Append(" L").Append(F(x)).Append(' ').Append(F(y));
            }
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"<path class=\"series\" data-series=\"{SvgText.Escape(series.Name)}\" d=\"{d}\" fill=\"none\" stroke=\"{Colour(index)}\" stroke-width=\"2\"")
            .Append(" stroke-linejoin=\"round\" stroke-linecap=\"round\"").Append(Dash(index)).Append("/>\n");
        // A value alone between gaps would be an invisible zero-length line: mark it with a dot.
        foreach (var lone in runs.Where(r => r.Count == 1))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" data-series=\"{SvgText.Escape(series.Name)}\" cx=\"{F(lone[0].X)}\" cy=\"{F(lone[0].Y)}\" r=\"3\" fill=\"{Colour(index)}\"/>\n");
        }
    }

    private static List<(string Label, string Name, int Row, int X, int Index)> LegendLayout(IReadOnlyList<HistorySeries> series, ChartLanguage language)
    {
        var items = new List<(string, string, int, int, int)>();
        int row = 0, x = Left;
        for (var i = 0; i < series.Count; i++)
        {
            var label = SvgText.Shorten(language.SeriesLabel(series[i].Name), 40);
            var width = 30 + (label.Length * 7) + 18;
            if (x + width > Right && x > Left)
            {
                row++;
                x = Left;
            }

            items.Add((label, series[i].Name, row, x, i));
            x += width;
        }

        return items;
    }

    private static void Legend(StringBuilder svg, List<(string Label, string Name, int Row, int X, int Index)> items)
    {
        svg.Append("<g class=\"legend\">\n");
        foreach (var (label, name, row, x, index) in items)
        {
            var y = LegendTop + (row * LegendRowHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend-item\" data-series=\"{SvgText.Escape(name)}\">")
                .Append(CultureInfo.InvariantCulture,
                    $"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 24}\" y2=\"{y - 4}\" stroke=\"{Colour(index)}\" stroke-width=\"3\"{Dash(index)}/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 30}\" y=\"{y}\" fill=\"{TextColour}\">")
                .Append(SvgText.Escape(label)).Append("</text></g>\n");
        }

        svg.Append("</g>\n");
    }

    private static string Colour(int index) => Palette[index % Palette.Count];

    // Every other line dashed, so two series stay apart for readers who do not tell the colours apart.
    private static string Dash(int index) => index % 2 == 1 ? " stroke-dasharray=\"7 4\"" : "";

    private static double X(HistoryAnswer answer, long unixMs)
    {
        var from = answer.From.ToUnixTimeMilliseconds();
        var span = Math.Max(1, answer.To.ToUnixTimeMilliseconds() - from);
        return Left + ((double)(unixMs - from) / span * (Right - Left));
    }

    private static double Y(double scaled, double top) => Bottom - (Math.Clamp(scaled / top, 0, 1) * PlotHeight);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace SonLa.Monitor.Collector.History.Charts;

/// <summary>
/// The y axis: a unit that keeps the numbers short (bit/s, kbit/s, Mbit/s, Gbit/s; ms) and "nice" ticks (1, 2, 2.5,
/// 5 × 10^k) from 0 to at least the highest value.
/// </summary>
public sealed record ChartScale(string Unit, double Divisor, double Top, IReadOnlyList<double> Ticks)
{
    /// <summary>About this many intervals between 0 and the top (so 5 to 7 tick labels).</summary>
    public const int TargetIntervals = 5;

    public static ChartScale For(string unit, double highest)
    {
        var (label, divisor) = unit == "bps"
            ? highest switch
            {
                >= 1e9 => ("Gbit/s", 1e9),
                >= 1e6 => ("Mbit/s", 1e6),
                >= 1e3 => ("kbit/s", 1e3),
                _ => ("bit/s", 1.0),
            }
            : (unit, 1.0);
        var scaled = highest / divisor;
        if (!(scaled > 0) || !double.IsFinite(scaled))
        {
            scaled = 1;
        }

        var step = NiceStep(scaled / TargetIntervals);
        var top = Math.Ceiling((scaled / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var i = 0; i <= Math.Round(top / step); i++)
        {
            ticks.Add(i * step);
        }

        return new ChartScale(label, divisor, top, ticks);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k that is at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * power >= rough * (1 - 1e-9))
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    /// <summary>A tick or value in this scale's unit, at most 2 decimals, with the language's decimal separator.</summary>
    public static string Format(double value, char decimalSeparator)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return decimalSeparator == '.' ? text : text.Replace('.', decimalSeparator);
    }

    public string Label(double rawValue, char decimalSeparator) => Format(rawValue / Divisor, decimalSeparator) + " " + Unit;
}

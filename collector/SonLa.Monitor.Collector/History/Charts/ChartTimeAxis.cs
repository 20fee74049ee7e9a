using System.Globalization;

namespace SonLa.Monitor.Collector.History.Charts;

/// <summary>The x axis in Vietnam time (UTC+7 all year, no daylight saving): HH:mm for 1h and 24h, dd/MM for 7d.</summary>
public static class ChartTimeAxis
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Tick times in [from, to], on round local times: every 10 min (1h), 3 h (24h), local midnight (7d).</summary>
    public static IReadOnlyList<(DateTimeOffset Time, string Label)> Ticks(DateTimeOffset from, DateTimeOffset to, string range)
    {
        var (interval, format) = range switch
        {
            "1h" => (TimeSpan.FromMinutes(10), "HH:mm"),
            "24h" => (TimeSpan.FromHours(3), "HH:mm"),
            _ => (TimeSpan.FromDays(1), "dd/MM"),
        };
        var localFrom = from.ToOffset(VietnamOffset);
        // Ticks counted on the local clock face: DateTime ticks of the local time, rounded up to the interval.
        var face = localFrom.DateTime.Ticks;
        var first = face % interval.Ticks == 0 ? face : face - (face % interval.Ticks) + interval.Ticks;
        var ticks = new List<(DateTimeOffset, string)>();
        for (var t = first; ; t += interval.Ticks)
        {
            var time = new DateTimeOffset(new DateTime(t, DateTimeKind.Unspecified), VietnamOffset);
            if (time > to)
            {
                break;
            }

            ticks.Add((time, time.ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }
}

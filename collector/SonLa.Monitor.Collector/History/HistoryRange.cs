namespace SonLa.Monitor.Collector.History;

/// <summary>A chart's time span and its step: 1h (30 s), 24h (5 min), 7d (30 min) — 120 to 336 points a series.</summary>
public sealed record HistoryRange(string Name, TimeSpan Length, TimeSpan Step)
{
    public static readonly HistoryRange Hour = new("1h", TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
    public static readonly HistoryRange Day = new("24h", TimeSpan.FromHours(24), TimeSpan.FromMinutes(5));
    public static readonly HistoryRange Week = new("7d", TimeSpan.FromDays(7), TimeSpan.FromMinutes(30));

    public static IReadOnlyList<HistoryRange> All { get; } = [Hour, Day, Week];

    public static HistoryRange? Find(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    public int Points => (int)(Length.Ticks / Step.Ticks);

    /// <summary>
    /// [from, to) aligned to the step, the step in progress at <paramref name="now"/> included as the last one, so that
    /// InfluxDB's GROUP BY time buckets (aligned to the epoch) are exactly the chart's points.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset now)
    {
        var step = Step.Ticks;
        var utc = now.UtcTicks;
        var to = new DateTimeOffset(utc - (utc % step) + step, TimeSpan.Zero);
        return (to - Length, to);
    }
}

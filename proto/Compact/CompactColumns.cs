namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// A compact section decoded and validated, but still in columns: what a reader that builds its own point type
/// (the collector's line-protocol points) uses instead of <see cref="V1.Point"/>s, whose maps cost an allocation per
/// tag and field.
/// </summary>
public sealed class CompactColumns(string[] strings, CompactSeries[] series, long[] times, CompactColumnGroup[] groups)
{
    public string[] Strings { get; } = strings;

    public CompactSeries[] Series { get; } = series;

    public long[] Times { get; } = times;

    public CompactColumnGroup[] Groups { get; } = groups;

    public int PointCount => Groups.Sum(g => g.Count);
}

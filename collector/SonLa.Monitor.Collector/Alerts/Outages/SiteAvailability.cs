namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// A site's availability over [<see cref="From"/>, <see cref="To"/>): time up, time down with evidence of why
/// (<see cref="DownByClass"/>: power, wan, device) and time the monitoring was blind (no data: neither up nor down is known).
/// <see cref="Availability"/> = up / (up + down): blind time is left out of the figure, not counted as down.
/// </summary>
public sealed record SiteAvailability(string SiteId, DateTimeOffset From, DateTimeOffset To, TimeSpan Up, TimeSpan Down, TimeSpan Blind, int Outages)
{
    public IReadOnlyDictionary<OutageClass, TimeSpan> DownByClass { get; init; } = new Dictionary<OutageClass, TimeSpan>();

    /// <summary>Null when the whole period was blind.</summary>
    public double? Availability => Up + Down > TimeSpan.Zero ? Up / (Up + Down) : null;
}

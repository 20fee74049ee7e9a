namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>What the recorder knows of one site: its live state, what its Hello said, and its outage while dark.</summary>
internal sealed class SiteTrack(string siteId)
{
    public string SiteId { get; } = siteId;

    public SiteLiveState Live { get; } = new();

    public string? HelloName { get; set; }

    public string? HelloBootId { get; set; }

    public HashSet<string> UplinkDevices { get; } = new(StringComparer.Ordinal);

    public DarkOutage? Dark { get; set; }
}

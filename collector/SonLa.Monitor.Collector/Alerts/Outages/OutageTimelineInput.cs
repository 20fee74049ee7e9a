namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// Everything a timeline is built from: the outage's start (when the site went silent) and end (when it came back),
/// the backlog's <see cref="Evidence"/>, the live state just <see cref="Before"/> it went dark (null when unknown, e.g.
/// after a collector restart), the site's uplink device and the boot id the agent came back with.
/// </summary>
public sealed record OutageTimelineInput(string SiteId, DateTimeOffset Start, DateTimeOffset End, OutageEvidence Evidence)
{
    public SiteLiveState? Before { get; init; }

    public string? UplinkDevice { get; init; }

    public string? ReturnBootId { get; init; }
}

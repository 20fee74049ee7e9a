namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>One site outage as stored in <c>alert_outage</c>: open while <see cref="End"/> is null.</summary>
public sealed record OutageRecord(long Id, string SiteId, DateTimeOffset Start, DateTimeOffset? End, OutageClass Class)
{
    public string? SiteName { get; init; }

    public string? District { get; init; }

    public string? CauseDevice { get; init; }

    /// <summary>How much of the outage no data covers (all of it for <see cref="OutageClass.Blind"/>).</summary>
    public TimeSpan Blind { get; init; }

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    public bool Incomplete { get; init; }

    /// <summary>The timeline is built and stored (false while dark or while the backlog arrives).</summary>
    public bool Closed { get; init; }
}

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// What happened while a site was dark: the entries sorted by time, the class, the device that explains it (the UPS
/// for power, the failing device for device), and how much of the outage no data covers (<see cref="Blind"/>).
/// </summary>
public sealed record OutageTimeline(IReadOnlyList<TimelineEntry> Entries, OutageClass Class, TimeSpan Blind)
{
    public string? CauseDevice { get; init; }

    /// <summary>The backlog may not be complete (it was cut short, or its samples were too many to keep).</summary>
    public bool Incomplete { get; init; }
}

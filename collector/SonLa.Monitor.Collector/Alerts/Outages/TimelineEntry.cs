namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// One line of an outage timeline: when (the agent's measurement time), what, on which device and interface,
/// and the agent's own message when an event said it (English, as the agent writes events).
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, TimelineEntryKind Kind, string? Device = null, string? Interface = null, string? Message = null)
{
    /// <summary>End of a <see cref="TimelineEntryKind.NoData"/> stretch.</summary>
    public DateTimeOffset? Until { get; init; }
}

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>What one timeline entry says (stored in snake_case in the timeline JSON, e.g. <c>power_lost</c>).</summary>
public enum TimelineEntryKind
{
    PowerLost,
    PowerRestored,
    UplinkDown,
    UplinkUp,
    LinkDown,
    LinkUp,
    DeviceUnreachable,
    DeviceReachable,
    DeviceRebooted,
    AgentRestarted,
    DataLost,

    /// <summary>A stretch of the outage with no data at all (monitoring blind); <see cref="TimelineEntry.Until"/> says to when.</summary>
    NoData,
}

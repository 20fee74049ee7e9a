using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// One alert as the API shows it. Identity: (<see cref="Rule"/>, <see cref="Site"/>, <see cref="Device"/>,
/// <see cref="Interface"/>); one record per episode (a flapping episode stays one record).
/// <see cref="Suppressed"/>: recorded but not notified because the site was offline or the device unreachable
/// (<see cref="SuppressedBy"/> is that alert). <see cref="CauseAlertId"/>: the uplink alert this one follows from
/// (not notified on its own).
/// </summary>
public sealed record AlertRecord
{
    public required long Id { get; init; }

    /// <summary>site_offline, device_unreachable, link_down, high_utilization, interface_errors, device_rebooted,
    /// ups_on_battery, ups_battery_low, selfcheck_failed, clock_skew.</summary>
    public required string Rule { get; init; }

    public required AlertState State { get; init; }

    public required NotificationSeverity Severity { get; init; }

    public required string Site { get; init; }

    public required string SiteName { get; init; }

    public string? Device { get; init; }

    /// <summary>if_name, or the if_index when the name is not known; for selfcheck_failed, the check id.</summary>
    public string? Interface { get; init; }

    /// <summary>When the condition began (the agent's measurement time where there is one).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FiredAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public AlertAcknowledgement? Acknowledged { get; init; }

    public bool Suppressed => SuppressedBy is not null;

    public long? SuppressedBy { get; init; }

    public long? CauseAlertId { get; init; }

    public bool Flapping { get; init; }

    public bool InMaintenance { get; init; }

    /// <summary>Vietnamese, e.g. "Xã Chiềng Cơi: mất kết nối từ 14:35".</summary>
    public required string Message { get; init; }

    public required string MessageEn { get; init; }
}

using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>A pending or firing alert as the engine holds it; every change is written to <c>alert_alerts</c>.</summary>
internal sealed class ActiveAlert
{
    public long Id { get; set; }

    public required AlertKey Key { get; set; }

    public required string SiteName { get; set; }

    public AlertState State { get; set; }

    public NotificationSeverity Severity { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FiredAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public AlertAcknowledgement? Acknowledged { get; set; }

    public long? SuppressedBy { get; set; }

    public long? CauseAlertId { get; set; }

    public bool Flapping { get; set; }

    public bool InMaintenance { get; set; }

    public string MessageVi { get; set; } = "";

    public string MessageEn { get; set; } = "";

    /// <summary>The kind of the last notification sent for it (null: none yet).</summary>
    public NotificationKind? LastNotified { get; set; }

    public DateTimeOffset? LastNotifiedAt { get; set; }

    public int Reminders { get; set; }

    /// <summary>Whether the condition holds now (a flapping alert stays open while it comes and goes).</summary>
    public bool ConditionTrue { get; set; } = true;

    /// <summary>Whether the latest evidence came live (backfilled evidence never notifies).</summary>
    public bool ConditionLive { get; set; } = true;

    /// <summary>The evaluation pass that last saw the condition (so the rest are known to have ended).</summary>
    public long SeenPass { get; set; }

    /// <summary>Set where a firing notice went out: the resolved notice then follows.</summary>
    public bool Notified => LastNotified is not null;

    public AlertRecord ToRecord() => new()
    {
        Id = Id,
        Rule = Key.Rule,
        State = State,
        Severity = Severity,
        Site = Key.Site,
        SiteName = SiteName,
        Device = Key.Device,
        Interface = Key.Interface,
        StartedAt = StartedAt,
        FiredAt = FiredAt,
        ResolvedAt = ResolvedAt,
        Acknowledged = Acknowledged,
        SuppressedBy = SuppressedBy,
        CauseAlertId = CauseAlertId,
        Flapping = Flapping,
        InMaintenance = InMaintenance,
        Message = MessageVi,
        MessageEn = MessageEn,
    };
}

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Why a notification is sent.</summary>
public enum NotificationKind
{
    /// <summary>An alert started firing (after its hold-down).</summary>
    Firing,

    /// <summary>A firing alert ended.</summary>
    Resolved,

    /// <summary>An alert flaps: one notice instead of one per flap.</summary>
    Flapping,

    /// <summary>A firing alert nobody acknowledged, repeated.</summary>
    Reminder,

    /// <summary>A site that was offline is back, with the timeline of what happened while it was dark.</summary>
    SiteBack,

    /// <summary>The province roll-up: how many sites are affected and what they share.</summary>
    Rollup,
}

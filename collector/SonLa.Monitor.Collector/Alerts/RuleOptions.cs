using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// One rule's settings (<c>Alerts:Rules:&lt;rule&gt;</c>, and the same keys in an override). Unset keys take the
/// rule's default (<see cref="RuleDefaults"/>); each key applies to the rules that name it.
/// </summary>
public class RuleOptions
{
    public bool? Enabled { get; set; }

    /// <summary>How long the condition must hold before the alert fires (site_offline: how long a site may be silent).</summary>
    public int? HoldDownSeconds { get; set; }

    /// <summary>info, warning or critical (a string: the binder silently drops a bad enum inside a dictionary).</summary>
    public string? Severity { get; set; }

    /// <summary>The severity named, or null when unset or unknown (the validator reports unknown ones).</summary>
    public static NotificationSeverity? ParseSeverity(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "INFO" => NotificationSeverity.Info,
        "WARNING" => NotificationSeverity.Warning,
        "CRITICAL" => NotificationSeverity.Critical,
        _ => null,
    };

    /// <summary>high_utilization: max(in, out) / speed at or above this share.</summary>
    public double? ThresholdPercent { get; set; }

    /// <summary>interface_errors: in + out errors per minute above this.</summary>
    public double? ErrorsPerMinute { get; set; }

    /// <summary>ups_battery_low: battery charge below this.</summary>
    public double? BatteryPercent { get; set; }

    /// <summary>ups_battery_low: estimated runtime below this.</summary>
    public double? RuntimeMinutes { get; set; }

    /// <summary>clock_skew: the agent's clock offset beyond ± this.</summary>
    public double? OffsetMilliseconds { get; set; }

    /// <summary>device_rebooted: the one-shot alert resolves by itself this long after the reboot.</summary>
    public int? ResolveAfterMinutes { get; set; }
}

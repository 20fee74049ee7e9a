namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The alert engine's settings (section <c>Alerts</c>).</summary>
public sealed class AlertingOptions
{
    public const string SectionName = "Alerts";
    public const int DefaultEvaluationSeconds = 5;
    public const int DefaultRepeatMinutes = 60;
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";
    public const int DefaultFlappingTransitions = 4;
    public const int DefaultFlappingWindowMinutes = 10;
    public const int DefaultCauseWindowMinutes = 5;

    /// <summary>Time-based rules (hold-downs, site_offline, reminders) are checked this often.</summary>
    public int EvaluationSeconds { get; set; } = DefaultEvaluationSeconds;

    /// <summary>Firing critical alerts nobody acknowledged are repeated this often; 0 turns reminders off.</summary>
    public int RepeatMinutes { get; set; } = DefaultRepeatMinutes;

    /// <summary>Times in notification texts are shown in this zone (IANA id).</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>More than this many state changes of one alert within <see cref="FlappingWindowMinutes"/> is flapping.</summary>
    public int FlappingTransitions { get; set; } = DefaultFlappingTransitions;

    /// <summary>The flapping window; a flapping alert is stable again after this long without a change.</summary>
    public int FlappingWindowMinutes { get; set; } = DefaultFlappingWindowMinutes;

    /// <summary>Alerts starting this long after the site's uplink went down (or unreachable) carry it as their cause.</summary>
    public int CauseWindowMinutes { get; set; } = DefaultCauseWindowMinutes;

    /// <summary>Per-rule settings, keyed by rule name (site_offline, link_down, ...).</summary>
    public Dictionary<string, RuleOptions> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<RuleOverride> Overrides { get; } = [];
}

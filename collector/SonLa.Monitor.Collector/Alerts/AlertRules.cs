namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The rule names (configuration keys under <c>Alerts:Rules</c>, the <c>rule</c> of alerts and notifications).</summary>
public static class AlertRules
{
    public const string SiteOffline = "site_offline";
    public const string DeviceUnreachable = "device_unreachable";
    public const string LinkDown = "link_down";
    public const string HighUtilization = "high_utilization";
    public const string InterfaceErrors = "interface_errors";
    public const string DeviceRebooted = "device_rebooted";
    public const string UpsOnBattery = "ups_on_battery";
    public const string UpsBatteryLow = "ups_battery_low";
    public const string SelfcheckFailed = "selfcheck_failed";
    public const string ClockSkew = "clock_skew";

    public static IReadOnlyList<string> All { get; } =
    [
        SiteOffline, DeviceUnreachable, LinkDown, HighUtilization, InterfaceErrors,
        DeviceRebooted, UpsOnBattery, UpsBatteryLow, SelfcheckFailed, ClockSkew,
    ];

    /// <summary>The name as written here, or null for an unknown rule (config keys are case-insensitive).</summary>
    public static string? Normalize(string? rule) =>
        rule is null ? null : All.FirstOrDefault(r => string.Equals(r, rule, StringComparison.OrdinalIgnoreCase));

    /// <summary>Rules about one interface of a device (suppressed by that device being unreachable).</summary>
    public static bool IsInterfaceRule(string rule) => rule is LinkDown or HighUtilization or InterfaceErrors;
}

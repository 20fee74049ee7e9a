using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>Each rule's defaults, documented once here (docs/configuration.md repeats them).</summary>
public static class RuleDefaults
{
    public const int SiteOfflineSeconds = 45;
    public const int DeviceUnreachableSeconds = 60;
    public const int LinkDownSeconds = 60;
    public const int HighUtilizationSeconds = 300;
    public const double HighUtilizationPercent = 90;
    public const int InterfaceErrorsSeconds = 300;
    public const double InterfaceErrorsPerMinute = 30;
    public const int RebootResolveMinutes = 15;
    public const int UpsOnBatterySeconds = 30;
    public const double UpsBatteryPercent = 30;
    public const double UpsRuntimeMinutes = 10;
    public const double ClockOffsetMilliseconds = 5000;
    public const int ClockSkewSeconds = 60;

    private static readonly RuleSettings Base = new(
        Enabled: true, HoldDown: TimeSpan.Zero, Severity: NotificationSeverity.Warning,
        ThresholdPercent: HighUtilizationPercent, ErrorsPerMinute: InterfaceErrorsPerMinute,
        BatteryPercent: UpsBatteryPercent, RuntimeMinutes: UpsRuntimeMinutes,
        OffsetMilliseconds: ClockOffsetMilliseconds, ResolveAfter: TimeSpan.FromMinutes(RebootResolveMinutes));

    public static RuleSettings For(string rule) => rule switch
    {
        AlertRules.SiteOffline => Base with { HoldDown = TimeSpan.FromSeconds(SiteOfflineSeconds), Severity = NotificationSeverity.Critical },
        AlertRules.DeviceUnreachable => Base with { HoldDown = TimeSpan.FromSeconds(DeviceUnreachableSeconds), Severity = NotificationSeverity.Critical },
        AlertRules.LinkDown => Base with { HoldDown = TimeSpan.FromSeconds(LinkDownSeconds), Severity = NotificationSeverity.Critical },
        AlertRules.HighUtilization => Base with { HoldDown = TimeSpan.FromSeconds(HighUtilizationSeconds) },
        AlertRules.InterfaceErrors => Base with { HoldDown = TimeSpan.FromSeconds(InterfaceErrorsSeconds) },
        AlertRules.DeviceRebooted => Base,
        AlertRules.UpsOnBattery => Base with { HoldDown = TimeSpan.FromSeconds(UpsOnBatterySeconds), Severity = NotificationSeverity.Critical },
        AlertRules.UpsBatteryLow => Base with { Severity = NotificationSeverity.Critical },
        AlertRules.SelfcheckFailed => Base,
        AlertRules.ClockSkew => Base with { HoldDown = TimeSpan.FromSeconds(ClockSkewSeconds) },
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown alert rule"),
    };
}

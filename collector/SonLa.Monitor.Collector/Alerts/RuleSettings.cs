using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>One rule's effective settings for one site/device: defaults, then <c>Alerts:Rules</c>, then overrides.</summary>
public sealed record RuleSettings(
    bool Enabled,
    TimeSpan HoldDown,
    NotificationSeverity Severity,
    double ThresholdPercent,
    double ErrorsPerMinute,
    double BatteryPercent,
    double RuntimeMinutes,
    double OffsetMilliseconds,
    TimeSpan ResolveAfter)
{
    public RuleSettings With(RuleOptions? options) => options is null ? this : new RuleSettings(
        options.Enabled ?? Enabled,
        options.HoldDownSeconds is { } hold ? TimeSpan.FromSeconds(hold) : HoldDown,
        RuleOptions.ParseSeverity(options.Severity) ?? Severity,
        options.ThresholdPercent ?? ThresholdPercent,
        options.ErrorsPerMinute ?? ErrorsPerMinute,
        options.BatteryPercent ?? BatteryPercent,
        options.RuntimeMinutes ?? RuntimeMinutes,
        options.OffsetMilliseconds ?? OffsetMilliseconds,
        options.ResolveAfterMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : ResolveAfter);
}

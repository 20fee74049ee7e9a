namespace SonLa.Monitor.Collector.Sites;

/// <summary>A UPS's latest <c>ups</c> point.</summary>
public sealed record UpsView(bool? OnBattery, double? BatteryPercent, double? RuntimeMin, double? OutputLoadPercent, DateTimeOffset? UpdatedAt);

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>An alert's identity: rule, site, device (when the rule is about one) and interface or check (when about one).</summary>
public readonly record struct AlertKey(string Rule, string Site, string? Device, string? Interface);

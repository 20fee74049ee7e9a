namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>One state series a timeline is built from: a UPS's on_battery, a device's reachable, an interface's oper_status.</summary>
public readonly record struct SeriesKey(SeriesKind Kind, string Device, string IfIndex = "");

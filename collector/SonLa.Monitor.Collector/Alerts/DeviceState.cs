namespace SonLa.Monitor.Collector.Alerts;

/// <summary>What the engine knows of one device: reachability, its last reboot, its interfaces and its UPS readings.</summary>
internal sealed class DeviceState(string name)
{
    public string Name { get; } = name;

    public string Role { get; set; } = "";

    public bool IsUplink => string.Equals(Role, "uplink", StringComparison.OrdinalIgnoreCase);

    public long ReachNs { get; set; }

    public bool ReachLive { get; set; }

    public bool? Reachable { get; set; }

    public DateTimeOffset? UnreachableSince { get; set; }

    public long RebootNs { get; set; }

    public bool RebootLive { get; set; }

    public DateTimeOffset? RebootAt { get; set; }

    public long UpsNs { get; set; }

    public bool UpsLive { get; set; }

    public bool? OnBattery { get; set; }

    public DateTimeOffset? OnBatterySince { get; set; }

    public double? BatteryPercent { get; set; }

    public double? RuntimeMinutes { get; set; }

    public DateTimeOffset? LowSince { get; set; }

    public Dictionary<string, InterfaceState> Interfaces { get; } = new(StringComparer.Ordinal);

    /// <summary>if_index → label, for traps (which carry only the index).</summary>
    public Dictionary<string, string> LabelByIndex { get; } = new(StringComparer.Ordinal);
}

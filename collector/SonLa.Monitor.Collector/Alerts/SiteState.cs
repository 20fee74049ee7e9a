using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// Everything the engine knows of one site: its agent's streams and last sign of life, devices (with roles from
/// Hello), self-checks, the agent's clock, its open alerts and the recent state changes per alert (flapping).
/// </summary>
internal sealed class SiteState(string siteId)
{
    public string SiteId { get; } = siteId;

    /// <summary>From Hello's site_name, used where the Sites inventory has no name.</summary>
    public string? HelloName { get; set; }

    public int Streams { get; set; }

    /// <summary>Seen connected since the engine started (or had an open alert): only then can it be offline.</summary>
    public bool Watched { get; set; }

    /// <summary>Recorded in <c>alert_sites</c> (watched again after a restart).</summary>
    public bool Remembered { get; set; }

    public DateTimeOffset LastActivity { get; set; }

    public Dictionary<string, DeviceState> Devices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CheckState> Checks { get; } = new(StringComparer.Ordinal);

    public long ClockNs { get; set; }

    public bool ClockLive { get; set; }

    public double? ClockOffsetMs { get; set; }

    public bool ClockSkewEvent { get; set; }

    public DateTimeOffset? SkewSince { get; set; }

    public Dictionary<AlertKey, ActiveAlert> Alerts { get; } = [];

    public Dictionary<AlertKey, List<DateTimeOffset>> Transitions { get; } = [];

    public DeviceState Device(string name)
    {
        if (!Devices.TryGetValue(name, out var device))
        {
            device = new DeviceState(name);
            Devices[name] = device;
        }

        return device;
    }

    public void LearnDevices(IEnumerable<DeviceInfo> devices)
    {
        foreach (var info in devices)
        {
            if (!string.IsNullOrEmpty(info.Name))
            {
                Device(info.Name).Role = info.Role ?? "";
            }
        }
    }

    /// <summary>The site's uplink: devices with role uplink, else any device named like "router".</summary>
    public bool IsUplink(string? device)
    {
        if (device is null || !Devices.TryGetValue(device, out var state))
        {
            return false;
        }

        if (state.IsUplink)
        {
            return true;
        }

        foreach (var d in Devices.Values)
        {
            if (d.IsUplink)
            {
                return false;
            }
        }

        return device.Contains("router", StringComparison.OrdinalIgnoreCase);
    }
}

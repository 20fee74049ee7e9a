namespace SonLa.Monitor.Collector.Sites;

/// <summary>What the board knows of one device of a site: role (Hello), newest <c>device</c> point, interfaces, UPS.</summary>
internal sealed class DeviceRecord(string name)
{
    public string Name { get; } = name;

    public string? Role { get; set; }

    public bool? Reachable { get; set; }

    public double? ResponseMs { get; set; }

    public long? UptimeS { get; set; }

    /// <summary>Time of the newest reachability evidence (device point or reachable/unreachable event), ns.</summary>
    public long Ns { get; set; }

    public Dictionary<string, InterfaceRecord> Interfaces { get; } = new(StringComparer.Ordinal);

    public UpsRecord? Ups { get; set; }

    public bool IsUplinkRole => string.Equals(Role, "uplink", StringComparison.OrdinalIgnoreCase);

    public InterfaceRecord Interface(string ifIndex)
    {
        if (!Interfaces.TryGetValue(ifIndex, out var record))
        {
            record = new InterfaceRecord(ifIndex);
            Interfaces[ifIndex] = record;
        }

        return record;
    }
}

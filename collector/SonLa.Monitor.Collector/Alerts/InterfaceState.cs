namespace SonLa.Monitor.Collector.Alerts;

/// <summary>What the engine knows of one interface: the latest status and rates, and since when each condition holds.</summary>
internal sealed class InterfaceState(string label, string ifIndex)
{
    /// <summary>if_name, or the if_index while no name is known: the alert's interface.</summary>
    public string Label { get; set; } = label;

    public string IfIndex { get; set; } = ifIndex;

    public long LastNs { get; set; }

    public bool Live { get; set; }

    public int? AdminStatus { get; set; }

    public int? OperStatus { get; set; }

    public bool DownFromTrap { get; set; }

    public DateTimeOffset? DownSince { get; set; }

    public double? UtilizationPercent { get; set; }

    public DateTimeOffset? HighSince { get; set; }

    public ulong? ErrorCounter { get; set; }

    public long ErrorCounterNs { get; set; }

    public double? ErrorsPerMinute { get; set; }

    public DateTimeOffset? ErrorsSince { get; set; }

    public bool IsDown => AdminStatus is null or 1 && OperStatus == 2;
}

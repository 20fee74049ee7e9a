namespace SonLa.Monitor.Collector.Sites;

/// <summary>What the board knows of one interface: the fields of its newest <c>interface</c> point (and link traps).</summary>
internal sealed class InterfaceRecord(string ifIndex)
{
    public string IfIndex { get; } = ifIndex;

    /// <summary>Numeric order of if_index ("2" before "10"); long.MaxValue for a non-numeric index.</summary>
    public long Order { get; } = long.TryParse(ifIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;

    public string? Name { get; set; }

    /// <summary>ifAlias: sent only when it changes and hourly, so the last one is kept.</summary>
    public string? Alias { get; set; }

    public int? AdminStatus { get; set; }

    public int? OperStatus { get; set; }

    public double? InBps { get; set; }

    public double? OutBps { get; set; }

    public long? SpeedBps { get; set; }

    public long? InErrors { get; set; }

    public long? OutErrors { get; set; }

    /// <summary>Time of the newest point applied (ns); older ones (a backlog) are ignored.</summary>
    public long Ns { get; set; }

    /// <summary>Admin up and oper down (or lowerLayerDown): the link is broken although it should work.</summary>
    public bool IsBroken => AdminStatus == 1 && OperStatus is 2 or 7;
}

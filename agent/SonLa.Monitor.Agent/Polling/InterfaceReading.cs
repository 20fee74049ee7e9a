namespace SonLa.Monitor.Agent.Polling;

/// <summary>One interface row as read in one poll (ifTable joined with ifXTable by ifIndex).</summary>
public sealed record InterfaceReading(int IfIndex)
{
    /// <summary>ifName, else ifDescr, else "ifIndex.N": the series identity together with the index.</summary>
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public string Alias { get; init; } = "";

    public int? IfType { get; init; }

    /// <summary>Octet counters: ifHCInOctets where present, else ifInOctets.</summary>
    public CounterReading? InOctets { get; init; }

    public CounterReading? OutOctets { get; init; }

    public uint? InErrors { get; init; }

    public uint? OutErrors { get; init; }

    public uint? InDiscards { get; init; }

    public uint? OutDiscards { get; init; }

    public int? AdminStatus { get; init; }

    public int? OperStatus { get; init; }

    /// <summary>ifSpeed, or ifHighSpeed × 10^6 when ifSpeed saturates (4294967295) or HC counters are in use.</summary>
    public ulong? SpeedBitsPerSecond { get; init; }

    /// <summary>ifCounterDiscontinuityTime (TimeTicks), when the device has it.</summary>
    public uint? CounterDiscontinuityTime { get; init; }
}

namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>One interface of a simulated device, served to pollers as IF-MIB ifTable/ifXTable rows.</summary>
public sealed record SimulatedInterface(int Index, string Name)
{
    public string Description { get; init; } = "";

    public string Alias { get; init; } = "";

    public ulong SpeedBitsPerSecond { get; init; } = 100_000_000;

    /// <summary>1 up, 2 down.</summary>
    public int AdminStatus { get; init; } = 1;

    public int OperStatus { get; init; } = 1;

    public ulong InOctets { get; init; }

    public ulong OutOctets { get; init; }

    public uint InErrors { get; init; }

    public uint OutErrors { get; init; }

    public uint InDiscards { get; init; }

    public uint OutDiscards { get; init; }

    /// <summary>False for an old device with 32-bit counters only (no ifXTable HC columns).</summary>
    public bool HighCapacity { get; init; } = true;

    /// <summary>ifCounterDiscontinuityTime in hundredths of a second.</summary>
    public uint CounterDiscontinuityTime { get; init; }
}

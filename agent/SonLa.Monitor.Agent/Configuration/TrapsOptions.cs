namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Trap receiver (<c>Traps</c> section): off while <see cref="Listen"/> is empty.</summary>
public sealed class TrapsOptions
{
    public const string SectionName = "Traps";

    public const double DefaultMaxPerSecondPerSource = 100;

    /// <summary>Per source address, with bursts up to twice as many; excess traps are dropped and counted.</summary>
    public double MaxPerSecondPerSource { get; set; } = DefaultMaxPerSecondPerSource;

    public string Listen { get; set; } = "";

    public IReadOnlyList<Secret> Communities { get; set; } = [];

    public IReadOnlyList<TrapUserOptions> Users { get; set; } = [];
}

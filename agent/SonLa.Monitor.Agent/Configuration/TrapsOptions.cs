namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Trap receiver (<c>Traps</c> section). Bound now, used by the trap job later.</summary>
public sealed class TrapsOptions
{
    public const string SectionName = "Traps";

    public string Listen { get; set; } = "";

    public IReadOnlyList<Secret> Communities { get; set; } = [];

    public IReadOnlyList<TrapUserOptions> Users { get; set; } = [];
}

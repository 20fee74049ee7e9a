namespace SonLa.Monitor.Agent.Configuration;

/// <summary>An SNMPv3 user allowed to send traps (<c>Traps:Users</c>).</summary>
public sealed class TrapUserOptions
{
    public string User { get; set; } = "";

    public string EngineId { get; set; } = "";

    public string Level { get; set; } = "";

    public string AuthProtocol { get; set; } = "";

    public Secret AuthPassphrase { get; set; } = new("");

    public string PrivProtocol { get; set; } = "";

    public Secret PrivPassphrase { get; set; } = new("");
}

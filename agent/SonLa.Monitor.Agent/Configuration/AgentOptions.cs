namespace SonLa.Monitor.Agent.Configuration;

/// <summary>The whole of agent.json, bound and validated by <see cref="AgentOptionsReader"/>.</summary>
public sealed class AgentOptions
{
    public SiteOptions Site { get; set; } = new();

    public CollectorOptions Collector { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public IReadOnlyList<DeviceOptions> Devices { get; set; } = [];

    public IReadOnlyList<PingTargetOptions> Ping { get; set; } = [];

    public TrapsOptions Traps { get; set; } = new();

    public SelfCheckOptions SelfCheck { get; set; } = new();

    /// <summary>Folder of the config file, against which relative paths (CaCertificate) resolve.</summary>
    public string BaseDirectory { get; set; } = "";
}

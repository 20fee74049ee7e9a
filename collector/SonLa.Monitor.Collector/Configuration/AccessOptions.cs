namespace SonLa.Monitor.Collector.Configuration;

/// <summary>The top-level <c>Agents</c> and <c>Sites</c> arrays (bound from the configuration root).</summary>
public sealed class AccessOptions
{
    public List<AgentOptions> Agents { get; } = [];

    public List<SiteOptions> Sites { get; } = [];
}

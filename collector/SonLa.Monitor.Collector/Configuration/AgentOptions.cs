namespace SonLa.Monitor.Collector.Configuration;

/// <summary>One agent allowed to connect: its token writes its site only.</summary>
public sealed class AgentOptions
{
    public string? SiteId { get; set; }

    public Secret? Token { get; set; }
}

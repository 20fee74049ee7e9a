namespace SonLa.Monitor.Agent.Configuration;

/// <summary>A government service URL the self-check probes (<c>SelfCheck:Services</c>).</summary>
public sealed class SelfCheckServiceOptions
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";
}

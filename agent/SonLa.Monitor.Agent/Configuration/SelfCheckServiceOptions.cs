namespace SonLa.Monitor.Agent.Configuration;

/// <summary>A government service URL the self-check probes (<c>SelfCheck:Services</c>).</summary>
public sealed class SelfCheckServiceOptions
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>PEM file of the CA this service's certificate chains to, when it is a private one; relative to the config file.</summary>
    public string? CaCertificate { get; set; }
}

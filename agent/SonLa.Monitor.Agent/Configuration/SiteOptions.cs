namespace SonLa.Monitor.Agent.Configuration;

/// <summary>The commune site this agent monitors (<c>Site</c> section).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>Site id: the <c>site</c> tag of every point and the identity the collector authenticates.</summary>
    public string Id { get; set; } = "";

    /// <summary>Human name, usually Vietnamese ("Xã Chiềng Cơi").</summary>
    public string Name { get; set; } = "";
}

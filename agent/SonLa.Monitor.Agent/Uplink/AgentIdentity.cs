using System.Reflection;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Who this agent process is: its site, version and a boot id new at every process start.</summary>
public sealed class AgentIdentity(string siteId, string bootId, string version)
{
    public string SiteId { get; } = siteId;

    /// <summary>The site's name from agent.json (may be empty).</summary>
    public string SiteName { get; init; } = "";

    /// <summary>The monitored devices (name, role, host), told to the collector in every Hello.</summary>
    public IReadOnlyList<MonitoredDevice> Devices { get; init; } = [];

    /// <summary>(BootId, sequence) names a batch uniquely, across restarts too.</summary>
    public string BootId { get; } = bootId;

    public string Version { get; } = version;

    public static AgentIdentity ForThisProcess(string siteId) => new(siteId, Guid.NewGuid().ToString("D"), CurrentVersion);

    public static AgentIdentity ForThisProcess(string siteId, string siteName, IReadOnlyList<MonitoredDevice> devices) =>
        new(siteId, Guid.NewGuid().ToString("D"), CurrentVersion) { SiteName = siteName, Devices = devices };

    public static string CurrentVersion { get; } =
        typeof(AgentIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(AgentIdentity).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}

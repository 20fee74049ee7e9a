namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Self-check settings (<c>SelfCheck</c> section). Bound here, used by the self-check command.</summary>
public sealed class SelfCheckOptions
{
    public const string SectionName = "SelfCheck";

    public IReadOnlyList<SelfCheckServiceOptions> Services { get; set; } = [];

    public IReadOnlyList<string> NtpServers { get; set; } = [];
}

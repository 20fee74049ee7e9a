namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Self-check settings (<c>SelfCheck</c> section), used by <c>sonla-agent selfcheck</c> and by <c>run</c>'s scheduled self-check.</summary>
public sealed class SelfCheckOptions
{
    public const string SectionName = "SelfCheck";

    public const double DefaultTimeoutSeconds = 3;

    public const int DefaultIntervalMinutes = 60;

    public IReadOnlyList<SelfCheckServiceOptions> Services { get; set; } = [];

    /// <summary>SNTP servers (HOST or HOST:PORT, port 123 by default) the clock is compared with.</summary>
    public IReadOnlyList<string> NtpServers { get; set; } = [];

    /// <summary>Each check's own time limit; the whole self-check takes about as long as the slowest check.</summary>
    public double TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>How often <c>run</c> performs the self-check and sends it (0 = never).</summary>
    public int IntervalMinutes { get; set; } = DefaultIntervalMinutes;

    /// <summary>The address to ping as the gateway; empty = the default route's gateway (/proc/net/route).</summary>
    public string Gateway { get; set; } = "";

    /// <summary>PEM file of a CA that service certificates may also chain to (besides the system store); relative to the config file.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>The local status page's HOST:PORT on loopback (e.g. 127.0.0.1:8089); empty = no status page.</summary>
    public string StatusPageListen { get; set; } = "";

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}

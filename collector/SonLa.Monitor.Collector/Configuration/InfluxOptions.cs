namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Where the collector writes (section <c>Influx</c>).</summary>
public sealed class InfluxOptions
{
    public const string SectionName = "Influx";
    public const string DefaultDatabase = "sonla_monitor";
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultProbeSeconds = 15;

    /// <summary>Base URL, e.g. http://127.0.0.1:8086. Required.</summary>
    public string? Url { get; set; }

    /// <summary>"1" (the /write endpoint) or "2" (the v2 write API through InfluxDB.Client; "3" is accepted as 2).</summary>
    public string Version { get; set; } = "1";

    /// <summary>1.x database.</summary>
    public string Database { get; set; } = DefaultDatabase;

    /// <summary>1.x user (optional; with <see cref="Password"/>, sent as HTTP basic auth).</summary>
    public string? Username { get; set; }

    public Secret? Password { get; set; }

    /// <summary>2.x/3.x organisation.</summary>
    public string? Org { get; set; }

    /// <summary>2.x/3.x bucket; defaults to <see cref="Database"/>.</summary>
    public string? Bucket { get; set; }

    /// <summary>2.x/3.x API token.</summary>
    public Secret? Token { get; set; }

    /// <summary>Per-request timeout for a write.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>How often InfluxDB is probed while it is unreachable (and once at start-up).</summary>
    public int ProbeSeconds { get; set; } = DefaultProbeSeconds;

    public bool IsVersion2 => Version is "2" or "3";

    public string EffectiveBucket => string.IsNullOrWhiteSpace(Bucket) ? Database : Bucket;
}

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Where and how samples are streamed (<c>Collector</c> section).</summary>
public sealed class CollectorOptions
{
    public const string SectionName = "Collector";

    public const int DefaultHeartbeatSeconds = 15;

    public const double DefaultBatchSeconds = 2;

    public const int DefaultMaxBatchPoints = 2000;

    /// <summary>gRPC endpoint. https anywhere; plain http (h2c) only to a loopback host.</summary>
    public Uri? Url { get; set; }

    /// <summary>Per-agent bearer token.</summary>
    public Secret Token { get; set; } = new("");

    /// <summary>PEM file of the CA that signed the collector's certificate; the system store when unset.
    /// Relative paths are relative to the config file's folder.</summary>
    public string? CaCertificate { get; set; }

    public int HeartbeatSeconds { get; set; } = DefaultHeartbeatSeconds;

    /// <summary>Samples are gathered into one batch for at most this long before being queued for sending.</summary>
    public double BatchSeconds { get; set; } = DefaultBatchSeconds;

    public int MaxBatchPoints { get; set; } = DefaultMaxBatchPoints;
}

namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Where and how samples are streamed (<c>Collector</c> section).</summary>
public sealed class CollectorOptions
{
    public const string SectionName = "Collector";

    public const int DefaultHeartbeatSeconds = 15;

    public const double DefaultBatchSeconds = 2;

    public const int DefaultMaxBatchPoints = 2000;

    /// <summary>The first gRPC endpoint (<c>Url</c>, else the first of <c>Urls</c>). https anywhere; plain http (h2c) only to a loopback host.</summary>
    public Uri? Url { get; set; }

    /// <summary>Every collector URL in failover order: <c>Url</c> first, then <c>Urls</c> (duplicates removed).</summary>
    public IReadOnlyList<Uri> Urls { get; set; } = [];

    /// <summary>Per-agent bearer token.</summary>
    public Secret Token { get; set; } = new("");

    /// <summary>PEM file of the CA that signed the collector's certificate; the system store when unset.
    /// Relative paths are relative to the config file's folder.</summary>
    public string? CaCertificate { get; set; }

    public int HeartbeatSeconds { get; set; } = DefaultHeartbeatSeconds;

    /// <summary>Obsolete and ignored: every poll, trap and status point is queued in the outbox at once. Still accepted so old configs load.</summary>
    public double BatchSeconds { get; set; } = DefaultBatchSeconds;

    public int MaxBatchPoints { get; set; } = DefaultMaxBatchPoints;

    /// <summary>Cap on the link rate the backlog may use after an outage, in kilobits per second; 0 (default) = no cap. Live data is never capped.</summary>
    public int BacklogKilobitsPerSecond { get; set; }

    /// <summary>A copy aimed at another URL of <see cref="Urls"/> (same token, CA and every other setting).</summary>
    public CollectorOptions WithUrl(Uri url)
    {
        var copy = (CollectorOptions)MemberwiseClone();
        copy.Url = url;
        return copy;
    }
}

namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Agent stream settings (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";
    public const int DefaultHeartbeatIntervalSeconds = 30;
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Told to agents in Welcome: send a heartbeat at least this often.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = DefaultHeartbeatIntervalSeconds;

    /// <summary>Largest agent message accepted; larger ones end the stream with ResourceExhausted.</summary>
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;
}

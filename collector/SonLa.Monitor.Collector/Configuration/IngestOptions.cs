namespace SonLa.Monitor.Collector.Configuration;

/// <summary>Agent stream and write-stage settings (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";
    public const int DefaultHeartbeatIntervalSeconds = 30;
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;
    public const int DefaultWriteMaxPoints = 5000;
    public const int DefaultWriteMaxBytes = 2 * 1024 * 1024;
    public const int DefaultMaxWritesInFlight = 2;
    public const int DefaultQueueMaxBytes = 32 * 1024 * 1024;
    public const int DefaultMaxUnansweredBatchesPerAgent = 256;

    /// <summary>Told to agents in Welcome: send a heartbeat at least this often.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = DefaultHeartbeatIntervalSeconds;

    /// <summary>Largest agent message accepted; larger ones end the stream with ResourceExhausted.</summary>
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>At most this many points in one InfluxDB write (batches of all agents are merged up to it).</summary>
    public int WriteMaxPoints { get; set; } = DefaultWriteMaxPoints;

    /// <summary>At most this many bytes of line protocol in one InfluxDB write.</summary>
    public int WriteMaxBytes { get; set; } = DefaultWriteMaxBytes;

    /// <summary>InfluxDB writes running at once; the rest wait in the queue (and merge).</summary>
    public int MaxWritesInFlight { get; set; } = DefaultMaxWritesInFlight;

    /// <summary>
    /// Line-protocol bytes the collector holds (queued and being written) at most. When full, agent
    /// streams stop being read until a write completes: back-pressure through HTTP/2 flow control.
    /// </summary>
    public int QueueMaxBytes { get; set; } = DefaultQueueMaxBytes;

    /// <summary>Batches of one stream received and not yet answered at most; then that stream is not read.</summary>
    public int MaxUnansweredBatchesPerAgent { get; set; } = DefaultMaxUnansweredBatchesPerAgent;
}

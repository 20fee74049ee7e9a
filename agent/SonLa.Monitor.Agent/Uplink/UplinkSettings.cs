namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Stream behaviour of the uplink (tests shorten the delays; the backlog cap comes from Collector:BacklogKilobitsPerSecond).</summary>
public sealed record UplinkSettings
{
    public const int DefaultWindow = 64;

    public const int DefaultLiveReserve = 8;

    public const int DefaultBacklogMergeBatches = 60;

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for Welcome after Hello.</summary>
    public TimeSpan WelcomeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Batches sent but not yet acknowledged on one stream. The collector acknowledges after its (coalesced) InfluxDB write,
    /// so this many batches per write round trip is what bounds how fast a backlog drains.
    /// </summary>
    public int Window { get; init; } = DefaultWindow;

    /// <summary>Slots of the window the backlog may never take, so live data always has room to go out at once.</summary>
    public int LiveReserve { get; init; } = DefaultLiveReserve;

    /// <summary>Byte rate the backlog may use (bytes of stored batches per second); 0 = no cap. Live data is never capped.</summary>
    public long BacklogBytesPerSecond { get; init; }

    /// <summary>
    /// Up to this many stored batches of the backlog travel as one message (merged, one answer for all): one compact
    /// encoding across many polls of the same series is a third of the bytes of one message per poll. 1 = no merging.
    /// </summary>
    public int BacklogMergeBatches { get; init; } = DefaultBacklogMergeBatches;

    /// <summary>Stored (plain) bytes merged into one message at most, well under the collector's message limit.</summary>
    public int BacklogMergeBytes { get; init; } = 512 * 1024;

    /// <summary>A stream that stayed up this long resets the back-off.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);
}

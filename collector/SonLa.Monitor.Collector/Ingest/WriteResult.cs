using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// What became of one batch in the write stage: stored (<see cref="IsStored"/>), refused for good
/// by InfluxDB (<see cref="Rejected"/>), or not stored because InfluxDB is unavailable
/// (<see cref="Unavailable"/>; the agent resends).
/// </summary>
public sealed record WriteResult(StorageRejectedException? Rejected, StorageUnavailableException? Unavailable)
{
    public static WriteResult Stored { get; } = new(null, null);

    public bool IsStored => Rejected is null && Unavailable is null;
}

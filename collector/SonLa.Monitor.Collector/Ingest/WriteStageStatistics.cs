namespace SonLa.Monitor.Collector.Ingest;

/// <summary>A snapshot of the write stage for <c>/metrics</c> and tests.</summary>
public sealed record WriteStageStatistics(
    long Writes,
    long BatchesWritten,
    long PointsWritten,
    long SplitRetries,
    long HeldBytes,
    long HeldBatches,
    long HighWaterBytes,
    long LimitBytes,
    int WritesInFlight,
    long StreamsWaitingForRoom,
    long RoomWaits,
    TimeSpan WriteTime);

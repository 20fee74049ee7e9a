using Microsoft.Extensions.Logging;

namespace SonLa.Monitor.Agent.Diagnostics;

/// <summary>The disk outbox's lines (13xx) and the uplink's failover (121x).</summary>
public static partial class AgentLog
{
    [LoggerMessage(1301, LogLevel.Information, "Outbox {Directory}: {Batches} batch(es) waiting ({Bytes} bytes) in {Segments} segment file(s), quota {MaxBytes} bytes")]
    public static partial void OutboxOpened(ILogger logger, string directory, int batches, long bytes, int segments, long maxBytes);

    [LoggerMessage(1302, LogLevel.Warning, "Outbox {Directory}: {Segments} damaged segment tail(s) cut off at start ({Bytes} bytes; torn write or corruption); every complete record before them is kept and will be sent")]
    public static partial void OutboxDamaged(ILogger logger, string directory, long segments, long bytes);

    [LoggerMessage(1303, LogLevel.Warning, "Outbox over its quota of {MaxBytes} bytes while the collector is unreachable: {ThinnedPoints} old point(s) thinned to coarser intervals, {DroppedBatches} oldest batch(es) with {DroppedPoints} point(s) dropped so far (logged at most once a minute)")]
    public static partial void OutboxQuotaLoss(ILogger logger, long maxBytes, long thinnedPoints, long droppedBatches, long droppedPoints);

    [LoggerMessage(1304, LogLevel.Error, "Outbox {Directory}: cannot write a batch: {Reason} (the batch is lost and counted; logged at most once a minute)")]
    public static partial void OutboxWriteFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(1305, LogLevel.Warning, "Outbox {Directory}: a record of segment {Segment} no longer reads back correctly (disk damage?); it is skipped and counted")]
    public static partial void OutboxUnreadable(ILogger logger, string directory, string segment);

    [LoggerMessage(1210, LogLevel.Information, "Collector {Url} failed; trying the next collector URL {NextUrl}")]
    public static partial void CollectorFailover(ILogger logger, Uri url, Uri nextUrl);
}

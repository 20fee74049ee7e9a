using System.Globalization;
using Microsoft.Extensions.Hosting;
using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Writes the contract's <c>agent</c> point (version, outbox_bytes, outbox_oldest_s, outbox losses, polling and trap
/// counters) at start and once a minute; when the outbox lost data since the last point (damage found at start,
/// thinning or dropping over the quota), a <c>data_lost</c> event saying what goes with it, through the outbox itself.
/// </summary>
public sealed class AgentStatusService(AgentIdentity identity, IOutbox outbox, ISampleSink sink, PollingCounters counters, TrapCounters traps, TimeProvider time,
    AgentClock? clock = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    public const string DataLostKind = "data_lost";

    private OutboxStatistics _reported;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                WriteStatus();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One agent point (and a data_lost event when something was lost since the last one).</summary>
    public void WriteStatus()
    {
        var now = time.GetUtcNow();
        var statistics = outbox.Statistics;
        var point = Points.Create("agent", now, ("site", identity.SiteId));
        point.Fields["version"] = Points.Text(identity.Version);
        point.Fields["outbox_bytes"] = Points.Int(statistics.PendingBytes);
        point.Fields["outbox_file_bytes"] = Points.Int(statistics.FileBytes);
        point.Fields["outbox_batches"] = Points.Int(statistics.PendingBatches);
        point.Fields["outbox_dropped"] = Points.Int(statistics.DroppedBatches);
        point.Fields["outbox_dropped_batches"] = Points.Int(statistics.DroppedBatches);
        point.Fields["outbox_dropped_points"] = Points.Int(statistics.DroppedPoints);
        point.Fields["outbox_thinned_points"] = Points.Int(statistics.ThinnedPoints);
        point.Fields["outbox_corrupt_records"] = Points.Int(statistics.CorruptRecords);
        point.Fields["outbox_oldest_s"] = Points.Double(statistics.OldestQueuedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0);
        point.Fields["outbox_rejected"] = Points.Int(statistics.RejectedBatches);
        point.Fields["polls"] = Points.Int(counters.Polls);
        point.Fields["polls_skipped"] = Points.Int(counters.SkippedTicks);
        point.Fields["rates_refused"] = Points.Int(counters.RefusedRates);
        point.Fields["traps_received"] = Points.Int(traps.Received);
        point.Fields["traps_dropped_unknown_source"] = Points.Int(traps.DroppedUnknownSource);
        point.Fields["traps_dropped_auth"] = Points.Int(traps.DroppedAuthentication);
        point.Fields["traps_rate_limited"] = Points.Int(traps.RateLimited);
        point.Fields["traps_malformed"] = Points.Int(traps.Malformed);
        if (clock is not null)
        {
            var state = clock.State;
            point.Fields["clock_verified"] = Points.Int(state.Verified ? 1 : 0);
            point.Fields["clock_correction_ms"] = Points.Int((long)state.Correction.TotalMilliseconds);
            point.Fields["clock_jumps"] = Points.Int(state.Jumps);
            if (state.LastOffset is { } offset)
            {
                point.Fields["clock_offset_ms"] = Points.Int((long)Math.Round(offset.TotalMilliseconds));
            }
        }

        var lost = DataLostMessage(_reported, statistics);
        _reported = statistics;
        if (lost is null)
        {
            sink.Write([point], []);
            return;
        }

        sink.Write([point], [new Event { Device = "agent", Kind = DataLostKind, Message = lost, TimeUnixNs = Points.ToUnixNanoseconds(now) }]);
    }

    /// <summary>What the outbox lost between two readings, in one line; null when nothing.</summary>
    public static string? DataLostMessage(OutboxStatistics before, OutboxStatistics after)
    {
        var parts = new List<string>();
        var corrupt = after.CorruptRecords - before.CorruptRecords;
        if (corrupt > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{corrupt} damaged outbox record(s) cut off ({after.CorruptBytes - before.CorruptBytes} bytes: torn write or disk corruption; the batches in them are lost)"));
        }

        var thinned = after.ThinnedPoints - before.ThinnedPoints;
        if (thinned > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{thinned} old point(s) thinned to coarser intervals (outbox quota full)"));
        }

        var dropped = after.DroppedBatches - before.DroppedBatches;
        if (dropped > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{dropped} oldest batch(es) with {after.DroppedPoints - before.DroppedPoints} point(s) dropped (outbox quota full or disk failing)"));
        }

        return parts.Count == 0 ? null : "Agent outbox lost data: " + string.Join("; ", parts);
    }
}

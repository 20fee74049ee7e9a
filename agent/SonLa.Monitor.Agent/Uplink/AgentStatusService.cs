using Microsoft.Extensions.Hosting;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Traps;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Writes the contract's <c>agent</c> point (version, outbox_bytes, outbox_oldest_s, polling and trap counters) once a minute.</summary>
public sealed class AgentStatusService(AgentIdentity identity, IOutbox outbox, ISampleSink sink, PollingCounters counters, TrapCounters traps, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                var now = time.GetUtcNow();
                var statistics = outbox.Statistics;
                var point = Points.Create("agent", now, ("site", identity.SiteId));
                point.Fields["version"] = Points.Text(identity.Version);
                point.Fields["outbox_bytes"] = Points.Int(statistics.PendingBytes);
                point.Fields["outbox_batches"] = Points.Int(statistics.PendingBatches);
                point.Fields["outbox_dropped"] = Points.Int(statistics.DroppedBatches);
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
                sink.Write([point], []);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

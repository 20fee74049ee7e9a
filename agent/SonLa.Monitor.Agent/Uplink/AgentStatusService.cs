using Microsoft.Extensions.Hosting;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Writes the contract's <c>agent</c> point (version, outbox_bytes, outbox_oldest_s) once a minute.</summary>
public sealed class AgentStatusService(AgentIdentity identity, IOutbox outbox, ISampleSink sink, TimeProvider time) : BackgroundService
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
                sink.Write([point], []);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

using SonLa.Monitor.Collector.Auth;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary><c>GET /healthz</c> and <c>GET /metrics</c>.</summary>
public static class DiagnosticsEndpoints
{
    /// <summary>
    /// /healthz answers 200 while the process runs: "ok", or "degraded" when InfluxDB is
    /// unreachable (agents then keep their data until it is back, so the collector is still useful
    /// and must not be restarted by a supervisor for that).
    /// </summary>
    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", (StorageHealth health, CollectorMetrics metrics) =>
        {
            var reachable = health.IsReachable;
            return Results.Json(new HealthReport(
                reachable ? "ok" : "degraded",
                reachable ? "ok" : "unreachable",
                health.LastError,
                health.Since,
                metrics.ConnectedAgents));
        });
        endpoints.MapGet("/metrics", (StorageHealth health, CollectorMetrics metrics, WriteCoalescer writes, SequenceAccounting sites,
                NotificationMetrics notifications, AuthMetrics auth) =>
            Results.Text(metrics.Render(health.IsReachable) + IngestMetrics.Render(writes.Statistics, sites.Snapshot()) + notifications.Render()
                + auth.Render(),
                "text/plain; version=0.0.4; charset=utf-8"));
        return endpoints;
    }
}

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// The seam between ingest and InfluxDB. Returns only once the points are stored.
/// Throws <see cref="StorageUnavailableException"/> when nothing can be said about the points
/// (retry later) and <see cref="StorageRejectedException"/> when InfluxDB refused them for good.
/// </summary>
public interface IMetricWriter
{
    /// <summary>Where the points go, for logs (never contains credentials).</summary>
    string Target { get; }

    Task WriteAsync(IReadOnlyList<LinePoint> points, CancellationToken cancellationToken);

    /// <summary>Writes points already formatted as line protocol, as one request.</summary>
    Task WriteAsync(LineBatch lines, CancellationToken cancellationToken);

    /// <summary>
    /// Checks that InfluxDB answers, without storing anything; throws
    /// <see cref="StorageUnavailableException"/> when it does not.
    /// </summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// A batch of one agent, as stored in InfluxDB, handed to every <see cref="IBatchObserver"/>.
/// <see cref="Points"/> are exactly the points written (invalid ones left out), with the site tag
/// set; events are among them as measurement <c>event</c> (tags device, kind, if_index).
/// <see cref="Backfill"/> is true when the agent sent the batch from its backlog rather than live:
/// its points describe the past, so an alert engine must not notify for conditions already over.
/// <see cref="MergedSequences"/>: the other sequences of this boot the batch stands for when the agent
/// merged several stored batches into one message (empty otherwise).
/// </summary>
public sealed record IngestedBatch(
    string SiteId,
    string BootId,
    ulong Sequence,
    IReadOnlyList<ulong> MergedSequences,
    bool Backfill,
    IReadOnlyList<LinePoint> Points,
    DateTimeOffset StoredAt)
{
    public const string EventMeasurement = "event";

    /// <summary>The events of the batch (points of measurement <c>event</c>).</summary>
    public IEnumerable<LinePoint> Events => Points.Where(p => string.Equals(p.Measurement, EventMeasurement, StringComparison.Ordinal));

    /// <summary>The samples of the batch (every point that is not an event).</summary>
    public IEnumerable<LinePoint> Samples => Points.Where(p => !string.Equals(p.Measurement, EventMeasurement, StringComparison.Ordinal));
}

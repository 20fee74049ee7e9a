namespace SonLa.Monitor.Collector.Ingest;

/// <summary>One site's delivery accounting (see <see cref="SequenceAccounting"/>).</summary>
public sealed record SiteSequenceStatistics(
    string SiteId,
    long BatchesReceived,
    long Duplicates,
    ulong Missing,
    ulong Gaps,
    long BackfillBatches,
    long BackfillPoints);

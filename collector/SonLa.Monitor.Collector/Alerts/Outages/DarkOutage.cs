namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>An outage not closed yet: dark, or back and waiting for its backlog.</summary>
internal sealed class DarkOutage(OutageRecord record, SiteLiveState? before, OutageEvidence evidence)
{
    public OutageRecord Record { get; } = record;

    /// <summary>The live state copied when the site went dark (null after a collector restart).</summary>
    public SiteLiveState? Before { get; } = before;

    public OutageEvidence Evidence { get; } = evidence;

    public DateTimeOffset? BackAt { get; set; }

    public string? UplinkDevice { get; set; }

    public bool Silenced { get; set; }

    public string? ReturnBootId { get; set; }

    /// <summary>When the last new backlog batch arrived (collector time).</summary>
    public DateTimeOffset? LastBackfillAt { get; set; }

    /// <summary>Part of the backlog may have gone before a collector restart.</summary>
    public bool Incomplete { get; set; }
}

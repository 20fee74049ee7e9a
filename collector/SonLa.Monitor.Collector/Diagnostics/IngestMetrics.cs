using System.Globalization;
using System.Text;
using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary>The write stage and the per-site delivery accounting in the Prometheus text format.</summary>
public static class IngestMetrics
{
    public static string Render(WriteStageStatistics writes, IReadOnlyList<SiteSequenceStatistics> sites)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(sites);
        var text = new StringBuilder(4096);
        One(text, "sonla_collector_influx_writes_total", "counter", "InfluxDB write requests made (merged batches of all agents).", writes.Writes);
        One(text, "sonla_collector_influx_write_batches_total", "counter", "Agent batches stored through the write stage.", writes.BatchesWritten);
        One(text, "sonla_collector_influx_write_points_total", "counter", "Points stored through the write stage.", writes.PointsWritten);
        One(text, "sonla_collector_influx_write_splits_total", "counter", "Merged writes InfluxDB refused, split in halves to find the refused batches.", writes.SplitRetries);
        Header(text, "sonla_collector_influx_write_seconds_total", "counter", "Time spent waiting for InfluxDB writes, summed over concurrent writes.");
        text.Append("sonla_collector_influx_write_seconds_total ").Append(writes.WriteTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        One(text, "sonla_collector_influx_writes_in_flight", "gauge", "InfluxDB writes running now (at most Ingest:MaxWritesInFlight).", writes.WritesInFlight);
        One(text, "sonla_collector_write_queue_bytes", "gauge", "Line-protocol bytes held now, queued or being written.", writes.HeldBytes);
        One(text, "sonla_collector_write_queue_batches", "gauge", "Agent batches held now, queued or being written.", writes.HeldBatches);
        One(text, "sonla_collector_write_queue_high_water_bytes", "gauge", "Most line-protocol bytes ever held at once.", writes.HighWaterBytes);
        One(text, "sonla_collector_write_queue_limit_bytes", "gauge", "Ingest:QueueMaxBytes: when held bytes reach it, agent streams are not read.", writes.LimitBytes);
        One(text, "sonla_collector_write_queue_full_waits_total", "counter", "Times an agent stream had to wait for room in the write stage (back-pressure).", writes.RoomWaits);
        One(text, "sonla_collector_streams_waiting_for_room", "gauge", "Agent streams paused now because the write stage is full.", writes.StreamsWaitingForRoom);

        PerSite(text, sites, "sonla_collector_site_batches_received_total", "counter", "Batches received, by site.", s => s.BatchesReceived);
        PerSite(text, sites, "sonla_collector_site_batches_duplicate_total", "counter",
            "Batches received again after they were answered (lost ack or replay; harmless, rewrites are idempotent).", s => s.Duplicates);
        PerSite(text, sites, "sonla_collector_site_sequence_missing", "gauge",
            "Sequence numbers of recent agent boots not received (yet) below the highest received; falls as a backlog drains.", s => (long)Math.Min(s.Missing, long.MaxValue));
        PerSite(text, sites, "sonla_collector_site_sequence_gaps_total", "counter",
            "Missing sequence numbers given up for lost (boot forgotten after newer ones, or too many holes to track).", s => (long)Math.Min(s.Gaps, long.MaxValue));
        PerSite(text, sites, "sonla_collector_site_backfill_batches_total", "counter", "Batches sent from an agent's backlog (backfill), stored.", s => s.BackfillBatches);
        PerSite(text, sites, "sonla_collector_site_backfill_points_total", "counter", "Points of backfill batches stored.", s => s.BackfillPoints);
        return text.ToString();
    }

    private static void One(StringBuilder text, string name, string type, string help, long value)
    {
        Header(text, name, type, help);
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void PerSite(StringBuilder text, IReadOnlyList<SiteSequenceStatistics> sites, string name, string type, string help,
        Func<SiteSequenceStatistics, long> value)
    {
        Header(text, name, type, help);
        foreach (var site in sites)
        {
            text.Append(name).Append("{site=\"").Append(EscapeLabel(site.SiteId)).Append("\"} ")
                .Append(value(site).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    // Prometheus label values escape backslash, double quote and newline.
    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

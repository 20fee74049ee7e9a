using System.Globalization;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;
using Xunit.Abstractions;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 4: "restart of the agent with a backlog resumes from where it left, with no duplicate-only storm". The link is
/// cut (reset, refused), the agent builds a backlog, is stopped the way systemd stops it and started again while the
/// link is still down; once the link is back the backlog arrives whole, and what had been acknowledged before the cut is
/// not sent again.
/// </summary>
public sealed class BacklogRestartTests(ITestOutputHelper output)
{
    private const string DuplicateMetric = "sonla_collector_site_batches_duplicate_total";
    private const string SiteReceivedMetric = "sonla_collector_site_batches_received_total";
    private const string ReceivedMetric = "sonla_collector_batches_received_total";
    private const string BackfillMetric = "sonla_collector_site_backfill_batches_total";
    private const string MissingMetric = "sonla_collector_site_sequence_missing";
    private const string GapsMetric = "sonla_collector_site_sequence_gaps_total";
    private const string PointsWrittenMetric = "sonla_collector_points_written_total";
    private const string WritePointsMetric = "sonla_collector_influx_write_points_total";

    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task AgentRestartedDuringAnOutage_BacklogArrivesWhole_AndAcknowledgedBatchesAreNotResent()
    {
        SimulatedInterface[] routerInterfaces =
        [
            new(1, "ge-0/0/0") { InOctets = 5_000_000, OutOctets = 7_000_000, SpeedBitsPerSecond = 1_000_000_000 },
            new(2, "Cổng LAN") { InOctets = 1_000, OutOctets = 2_000 },
        ];
        await using var site = await ChaosSite.StartAsync("sonla-backlog", ("router", routerInterfaces));
        var (stack, link, timeline, windows) = (site.Stack, site.Link, site.Timeline, site.Windows);
        await Task.Delay(TimeSpan.FromSeconds(15));

        link.Cut(LinkCut.Reset);
        var before = await stack.ReadMetricsAsync();
        var receivedBeforeCut = MetricsText.Value(before, SiteReceivedMetric, MonitoringStack.SiteId) ?? MetricsText.Value(before, ReceivedMetric) ?? 0;
        var duplicatesBeforeCut = MetricsText.Value(before, DuplicateMetric, MonitoringStack.SiteId) ?? 0;
        var storedBeforeCut = await StoredData.CountSitePointsAsync(stack.Influx);
        timeline.Mark(string.Create(CultureInfo.InvariantCulture,
            $"link cut (reset, refused): {receivedBeforeCut} batches received by the collector so far, {storedBeforeCut} points stored"));
        await Task.Delay(TimeSpan.FromSeconds(10));

        windows.Add(await ChaosChecks.StopAgentAsync(stack, timeline, "SIGTERM to the agent (backlog on disk)"));
        stack.RestartAgent();
        timeline.Mark("agent restarted (same config, same outbox; link still down)");
        await Task.Delay(TimeSpan.FromSeconds(6));
        // Drained when every made poll is stored; at the deadline the audit says what is missing.
        var (cutoff, audits) = await site.RestoreLinkAndDrainAsync(DrainDeadline);
        var mismatches = (await ChaosChecks.InterfaceMismatchesAsync(stack, "router", routerInterfaces.Length, cutoff))
            .Concat(ChaosChecks.ExcessLossesAroundStops(audits, windows.Count)).ToList();

        // Nothing was lost, so once the backlog is in the collector sees no hole in any boot's sequence numbers.
        var after = await stack.ReadMetricsAsync();
        if (MetricsText.Value(after, MissingMetric, MonitoringStack.SiteId) is not null)
        {
            try
            {
                await Poll.UntilAsync(async () =>
                {
                    after = await stack.ReadMetricsAsync();
                    return MetricsText.Value(after, MissingMetric, MonitoringStack.SiteId) == 0 && MetricsText.Value(after, GapsMetric, MonitoringStack.SiteId) == 0;
                }, TimeSpan.FromSeconds(30), "no sequence holes on the collector");
            }
            catch (TimeoutException ex)
            {
                Assert.Fail($"{ex.Message}\n{after}");
            }
        }

        // Counted with the agent stopped and the collector idle, so written and stored cover the same points.
        await stack.StopAgentAsync();
        timeline.Mark("agent stopped for the final count");
        string previous;
        var looks = 0;
        do
        {
            previous = after;
            await Task.Delay(TimeSpan.FromSeconds(1));
            after = await stack.ReadMetricsAsync();
        }
        while ((MetricsText.Value(after, PointsWrittenMetric) != MetricsText.Value(previous, PointsWrittenMetric)
                || MetricsText.Value(after, WritePointsMetric) != MetricsText.Value(previous, WritePointsMetric)) && ++looks < 60);

        var duplicates = MetricsText.Value(after, DuplicateMetric, MonitoringStack.SiteId);
        var backfill = MetricsText.Value(after, BackfillMetric, MonitoringStack.SiteId);
        // Points written more than once: the collector's count of points written against the distinct points stored.
        var written = MetricsText.Value(after, PointsWrittenMetric) ?? MetricsText.Value(after, WritePointsMetric);
        Assert.True(written is not null, $"the collector's /metrics has no count of points written:\n{after}");
        var stored = await StoredData.CountSitePointsAsync(stack.Influx);
        var rewritten = written - stored;
        var report = ChaosChecks.Report(timeline, audits, mismatches, after) + string.Create(CultureInfo.InvariantCulture,
            $"collector: duplicate batches {(duplicates is null ? "(no per-site metric)" : (duplicates - duplicatesBeforeCut).ToString())} " +
            $"against {receivedBeforeCut} batches received before the cut; backfill batches {(backfill is null ? "(no metric)" : backfill.ToString())}; " +
            $"points written {written}, distinct points stored {stored} (rewritten {rewritten}), {storedBeforeCut} stored before the cut\n");
        output.WriteLine(report);
        var failure = $"{report}\n{stack.LogTails()}";

        Assert.True(audits.All(a => a.Clean) && mismatches.Count == 0 && audits.Sum(a => a.Made) > 0, failure);
        // A storm resends everything acknowledged before the cut; what may honestly come again is what was in flight
        // when the link was reset (acknowledgements lost with the connection).
        if (duplicates is { } count)
        {
            Assert.True(count - duplicatesBeforeCut <= Math.Max(4, receivedBeforeCut / 4), "duplicate-only storm: " + failure);
        }

        Assert.True(rewritten <= Math.Max(20, storedBeforeCut / 4), "points written again: " + failure);
        if (backfill is { } backfilled)
        {
            Assert.True(backfilled > 0, "the backlog was not marked as backfill: " + failure);
        }
    }
}

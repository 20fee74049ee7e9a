using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Tests.Alerts;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>The alert engine as the dashboard's <see cref="IAlertSummary"/>: open alerts per site, and a change signal.</summary>
public sealed class AlertSummaryTests
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The dashboard's interface is what is tested")]
    private static IAlertSummary Summary(AlertEngine engine) => engine;

    [Fact]
    public async Task Counts_FollowOpenFiringAcknowledgedAndResolved_AndEachChangeIsSignalled()
    {
        using var h = new AlertHarness();
        var engine = new AlertEngine(() => h.Engine, h.Store, h.Time, TimeSpan.FromSeconds(5), NullLogger<AlertEngine>.Instance);
        var summary = Summary(engine);
        var changes = new ConcurrentQueue<string>();
        summary.Changed += changes.Enqueue;
        await engine.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var ct = timeout.Token;
            await engine.FlushAsync(ct);
            Assert.Equal(SiteAlertCounts.None, summary.For(AlertHarness.Site));

            var hello = new Hello { SiteId = AlertHarness.Site, Devices = { new DeviceInfo { Name = "router", Role = "uplink" } } };
            engine.OnConnected(AlertHarness.Site, hello, h.Now);
            engine.OnBatchStored(new IngestedBatch(AlertHarness.Site, "b", 1, [], false, [h.Event("link_down", "router", 2)], h.Now));
            await engine.FlushAsync(ct);
            // A live trap fires at once.
            Assert.Equal(new SiteAlertCounts(0, 1, false), summary.For(AlertHarness.Site));
            Assert.Equal([AlertHarness.Site], changes);

            // Acknowledged: the same counts, but the alerts changed (the UI shows who acknowledged).
            var alert = Assert.Single(await engine.ListAsync(new AlertQuery(), ct));
            await engine.AcknowledgeAsync(alert.Id, "admin", null, ct);
            Assert.Equal(2, changes.Count);
            Assert.Equal(1, summary.For(AlertHarness.Site).Open);

            // Gone silent past the hold-down: site_offline fires.
            engine.OnDisconnected(AlertHarness.Site, h.Now);
            for (var i = 0; i < 12; i++)
            {
                h.Time.Advance(TimeSpan.FromSeconds(5));
                await engine.FlushAsync(ct);
            }

            Assert.True(summary.For(AlertHarness.Site).SiteOffline);
            Assert.Equal(2, summary.For(AlertHarness.Site).Firing);
            Assert.Equal(SiteAlertCounts.None, summary.For("muong-bu"));

            // Back, and the link up: nothing open, and that too is signalled.
            var before = changes.Count;
            engine.OnConnected(AlertHarness.Site, hello, h.Now);
            engine.OnBatchStored(new IngestedBatch(AlertHarness.Site, "b", 2, [], false, [h.Event("link_up", "router", 2)], h.Now));
            await engine.FlushAsync(ct);
            Assert.Equal(SiteAlertCounts.None, summary.For(AlertHarness.Site));
            Assert.True(changes.Count > before);
            Assert.All(changes, site => Assert.Equal(AlertHarness.Site, site));
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
            engine.Dispose();
        }
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>The hosted engine: inputs through its queue and loop, the timer on the FakeTimeProvider, IAlertBook through the loop.</summary>
public sealed class AlertEngineTests
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The HTTP API's interface is what is tested")]
    private static IAlertBook Book(AlertEngine engine) => engine;

    [Fact]
    public async Task Inputs_Timer_AndBook_GoThroughTheLoop()
    {
        using var h = new AlertHarness();
        var engine = new AlertEngine(() => h.Engine, h.Store, h.Time, TimeSpan.FromSeconds(5), NullLogger<AlertEngine>.Instance);
        await engine.StartAsync(CancellationToken.None);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var ct = timeout.Token;
            await engine.FlushAsync(ct);
            engine.OnConnected(AlertHarness.Site, new Hello { SiteId = AlertHarness.Site, Devices = { new DeviceInfo { Name = "router", Role = "uplink" } } }, h.Now);
            engine.OnBatchStored(new Collector.Ingest.IngestedBatch(AlertHarness.Site, "b", 1, [], false, [h.Event("link_down", "router", 2)], h.Now));
            await engine.FlushAsync(ct);
            var firing = Assert.Single(h.Dispatcher.Sent);
            Assert.Equal(AlertRules.LinkDown, firing.Rule);

            // Through the interface the HTTP API uses.
            var book = Book(engine);
            var active = Assert.Single(await book.ListAsync(new AlertQuery(), ct));
            Assert.Equal("Xã Chiềng Cơi", active.SiteName);
            Assert.Empty(await book.ListAsync(new AlertQuery { Site = "other" }, ct));
            var ack = await book.AcknowledgeAsync(active.Id, "admin", null, ct);
            Assert.Equal(AcknowledgeOutcome.Ok, ack.Outcome);
            Assert.Equal("admin", (await book.FindAsync(active.Id, ct))!.Acknowledged!.By);

            var window = await book.AddMaintenanceAsync(new MaintenanceRequest
            {
                Site = AlertHarness.Site, StartsAt = h.Now, EndsAt = h.Now.AddHours(2), Reason = "nâng cấp", CreatedBy = "admin",
            }, ct);
            Assert.True(window.Ok);
            Assert.Single(await book.ListMaintenanceAsync(false, ct));
            Assert.True(await book.RemoveMaintenanceAsync(window.Window!.Id, ct));

            // Nobody calls Tick: the engine's own timer finds the site silent after the hold-down.
            engine.OnDisconnected(AlertHarness.Site, h.Now);
            await engine.FlushAsync(ct);
            for (var i = 0; i < 10; i++)
            {
                h.Time.Advance(TimeSpan.FromSeconds(5));
                await engine.FlushAsync(ct);
            }

            Assert.Equal(AlertRules.SiteOffline, h.Dispatcher.Sent[^1].Rule);
            Assert.Equal(NotificationKind.Firing, h.Dispatcher.Sent[^1].Kind);
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
            engine.Dispose();
        }
    }
}

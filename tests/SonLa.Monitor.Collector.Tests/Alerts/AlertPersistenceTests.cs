using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>A new evaluator on the same SQLite file, as after a collector restart.</summary>
public sealed class AlertPersistenceTests
{
    [Fact]
    public void RestartWhileAlertsFire_SendsNoDuplicate_AndResolvesOnce()
    {
        using var h = new AlertHarness();
        h.Connect(("switch", ""), ("ups", "ups"));
        h.Send(h.Event("link_down", "switch", 2));
        h.Send(h.Ups("ups", onBattery: true));
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, h.Dispatcher.Sent.Count);

        h.Restart();
        h.Advance(TimeSpan.FromSeconds(20));
        h.Connect(("switch", ""), ("ups", "ups"));
        h.Send(h.Interface("switch", 2, "ge2", oper: 2), h.Ups("ups", onBattery: true));
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Dispatcher.Sent);
        Assert.Equal(2, h.Active().Count(a => a.State == AlertState.Firing));

        h.Send(h.Interface("switch", 2, "ge2", oper: 1));
        var resolved = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(NotificationKind.Resolved, resolved.Kind);
        Assert.Equal(AlertRules.LinkDown, resolved.Rule);
    }

    [Fact]
    public void RestartWhileSiteOffline_StaysOneAlert_NoDuplicate()
    {
        using var h = new AlertHarness();
        h.Connect();
        h.Disconnect();
        h.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(h.Dispatcher.Sent);
        h.Restart();
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.SiteOffline, Assert.Single(h.Active()).Rule);
    }

    [Fact]
    public void SiteSeenBefore_ThatDoesNotReconnectAfterARestart_GoesOffline()
    {
        using var h = new AlertHarness();
        h.Connect();
        h.Advance(TimeSpan.FromMinutes(1));
        h.Restart();
        h.Advance(TimeSpan.FromSeconds(44));
        Assert.Empty(h.Dispatcher.Sent);
        h.Advance(TimeSpan.FromSeconds(1));
        var offline = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.SiteOffline, offline.Rule);
        Assert.Equal(AlertHarness.Site, offline.SiteId);
        // "never-seen" is an allowed agent that never connected: unknown, not offline.
        h.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(h.Dispatcher.Sent);
    }

    [Fact]
    public void Acknowledgement_StopsReminders_AndSurvivesRestart()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Event("link_down", "router", 2));
        h.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal([NotificationKind.Firing, NotificationKind.Reminder], h.Dispatcher.Sent.Select(n => n.Kind));
        var id = Assert.Single(h.Active()).Id;

        var result = h.Engine.Acknowledge(id, "admin", "đang xử lý");
        Assert.Equal(AcknowledgeOutcome.Ok, result.Outcome);
        Assert.Equal("admin", result.Alert!.Acknowledged!.By);
        h.Advance(TimeSpan.FromMinutes(130));
        Assert.Equal(2, h.Dispatcher.Sent.Count);

        h.Restart();
        h.Connect(("router", "uplink"));
        h.Advance(TimeSpan.FromMinutes(130));
        Assert.Empty(h.Dispatcher.Sent);
        var alert = Assert.Single(h.Active());
        Assert.Equal("admin", alert.Acknowledged!.By);
        Assert.Equal("đang xử lý", alert.Acknowledged.Comment);
    }

    [Fact]
    public void Acknowledge_UnknownOrResolved_SaysSo()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        Assert.Equal(AcknowledgeOutcome.NotFound, h.Engine.Acknowledge(999, "admin", null).Outcome);
        h.Send(h.Event("link_down", "router", 2));
        h.Send(h.Event("link_up", "router", 2));
        var id = Assert.Single(h.All()).Id;
        var result = h.Engine.Acknowledge(id, "admin", null);
        Assert.Equal(AcknowledgeOutcome.AlreadyResolved, result.Outcome);
        Assert.Equal(AlertState.Resolved, result.Alert!.State);
    }

    [Fact]
    public void MaintenanceWindow_SilencesButRecords_ThenTellsWhatStillHolds()
    {
        using var h = new AlertHarness();
        h.Connect(("firewall", ""), ("switch", ""));
        var window = h.Engine.AddMaintenance(new MaintenanceRequest
        {
            Site = AlertHarness.Site, Device = "switch", StartsAt = h.Now, EndsAt = h.Now.AddHours(1),
            Reason = "thay switch", CreatedBy = "admin",
        });
        Assert.True(window.Ok);
        h.Send(h.Interface("switch", 1, "ge1", oper: 2), h.Interface("firewall", 2, "wan0", oper: 2));
        h.Advance(TimeSpan.FromMinutes(5));
        var sent = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal("firewall", sent.Device);
        var silenced = h.Active().Single(a => a.Device == "switch");
        Assert.Equal(AlertState.Firing, silenced.State);
        Assert.True(silenced.InMaintenance);
        Assert.Single(h.Store.ListMaintenance(h.Now));

        h.Restart();
        h.Connect(("firewall", ""), ("switch", ""));
        h.Advance(TimeSpan.FromMinutes(50));
        Assert.Empty(h.Dispatcher.Sent);
        h.Send(h.Interface("switch", 1, "ge1", oper: 2), h.Interface("firewall", 2, "wan0", oper: 2));
        h.Advance(TimeSpan.FromMinutes(10));
        // The firewall's alert only reminds (it was told before); the switch's is told now, once.
        Assert.All(h.Dispatcher.Sent.Where(n => n.Device == "firewall"), n => Assert.Equal(NotificationKind.Reminder, n.Kind));
        var after = Assert.Single(h.Dispatcher.Sent, n => n.Device == "switch");
        Assert.Equal(NotificationKind.Firing, after.Kind);
    }

    [Fact]
    public void MaintenanceRequest_ThatMakesNoSense_IsRefusedWithAReason()
    {
        using var h = new AlertHarness();
        var result = h.Engine.AddMaintenance(new MaintenanceRequest
        {
            Site = AlertHarness.Site, StartsAt = h.Now, EndsAt = h.Now.AddHours(-1), Reason = "x", CreatedBy = "admin",
        });
        Assert.False(result.Ok);
        Assert.StartsWith("ends_at", result.Error, StringComparison.Ordinal);
        Assert.False(h.Engine.RemoveMaintenance(42));
    }
}

using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

public sealed class AlertBackfillTests
{
    [Fact]
    public void Backlog_OfConditionsThatEnded_NeverNotifies()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"), ("ups", "ups"));
        h.Send(h.Interface("router", 2, "wan0"), h.Ups("ups", onBattery: false));
        var dark = h.Now;
        h.Disconnect();
        h.Advance(TimeSpan.FromMinutes(40));
        h.Connect(("router", "uplink"), ("ups", "ups"));
        var before = h.Dispatcher.Sent.Count;

        // What happened while dark, arriving as backlog: power lost, uplink down, both over.
        h.Backfill(h.Event("power_lost", "ups", at: dark.AddMinutes(2)), h.Event("link_down", "router", 2, at: dark.AddMinutes(5)),
            h.Event("reboot", "router", at: dark.AddMinutes(20)));
        h.Backfill(h.Ups("ups", onBattery: true, percent: 15, runtime: 3, at: dark.AddMinutes(3)),
            h.Interface("router", 2, "wan0", oper: 2, at: dark.AddMinutes(6)));
        h.Backfill(h.Event("power_restored", "ups", at: dark.AddMinutes(25)), h.Event("link_up", "router", 2, at: dark.AddMinutes(26)),
            h.Ups("ups", onBattery: false, percent: 40, runtime: 20, at: dark.AddMinutes(27)),
            h.Interface("router", 2, "wan0", oper: 1, at: dark.AddMinutes(28)));
        h.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(before, h.Dispatcher.Sent.Count);
        Assert.Empty(h.Active());
    }

    [Fact]
    public void BacklogOlderThanLiveState_DoesNotUndoIt()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Event("link_down", "router", 2));
        Assert.Single(h.Dispatcher.Sent);
        // An "up" from before the live "down" must not resolve it.
        h.Backfill(h.Interface("router", 2, "wan0", oper: 1, at: h.Now.AddMinutes(-5)));
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(h.Active());
        Assert.Single(h.Dispatcher.Sent);
    }

    [Fact]
    public void BackfilledConditionStillHolding_NotifiesOnlyOnceLiveDataConfirmsIt()
    {
        using var h = new AlertHarness();
        h.Connect(("ups", "ups"));
        h.Backfill(h.Ups("ups", onBattery: true, at: h.Now.AddMinutes(-10)));
        h.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(h.Dispatcher.Sent);
        Assert.Equal(AlertState.Firing, Assert.Single(h.Active()).State);
        h.Send(h.Ups("ups", onBattery: true));
        h.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(NotificationKind.Firing, Assert.Single(h.Dispatcher.Sent).Kind);
    }
}

using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

public sealed class AlertFlappingTests
{
    [Fact]
    public void FlappingLink_OneFlappingNotice_ThenOneFinalNoticeWhenStable()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Interface("router", 2, "wan0"));
        for (var i = 0; i < 20; i++)
        {
            h.Send(h.Event("link_down", "router", ifIndex: 2));
            h.Advance(TimeSpan.FromSeconds(10));
            h.Send(h.Event("link_up", "router", ifIndex: 2));
            h.Advance(TimeSpan.FromSeconds(10));
        }

        // Two full firing/resolved rounds before the fifth change makes it flapping; then silence.
        Assert.Single(h.Dispatcher.Of(NotificationKind.Flapping));
        Assert.Equal(2, h.Dispatcher.Of(NotificationKind.Firing).Count);
        Assert.Equal(2, h.Dispatcher.Of(NotificationKind.Resolved).Count);
        var flapping = Assert.Single(h.Active());
        Assert.True(flapping.Flapping);
        Assert.Contains("chập chờn", h.Dispatcher.Of(NotificationKind.Flapping)[0].TitleVi, StringComparison.Ordinal);

        // Stable (up) for the whole window: one final notice of its state.
        h.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(3, h.Dispatcher.Of(NotificationKind.Resolved).Count);
        Assert.Empty(h.Active());
        Assert.Equal(6, h.Dispatcher.Sent.Count);
    }

    [Fact]
    public void FlappingPolledLink_IsDetectedThoughEveryDownEndsInItsHoldDown()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        for (var i = 0; i < 3; i++)
        {
            h.Send(h.Interface("router", 2, "wan0", oper: 2));
            h.Advance(TimeSpan.FromSeconds(30));
            h.Send(h.Interface("router", 2, "wan0", oper: 1));
            h.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(NotificationKind.Flapping, Assert.Single(h.Dispatcher.Sent).Kind);
    }
}

using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

public sealed class AlertSuppressionTests
{
    [Fact]
    public void SiteOffline_FiresAfterHoldDown_NotBefore()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Advance(TimeSpan.FromSeconds(10));
        var lastActivity = h.Now;
        h.Disconnect();
        var pending = Assert.Single(h.Active());
        Assert.Equal(AlertRules.SiteOffline, pending.Rule);
        Assert.Equal(AlertState.Pending, pending.State);

        h.Advance(TimeSpan.FromSeconds(44));
        Assert.Empty(h.Dispatcher.Sent);
        h.Advance(TimeSpan.FromSeconds(1));
        var firing = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.SiteOffline, firing.Rule);
        Assert.Equal(NotificationSeverity.Critical, firing.Severity);
        Assert.Equal(lastActivity, firing.OccurredAt);
        Assert.Equal("Xã Chiềng Cơi: mất kết nối từ 14:30", firing.TitleVi);
        Assert.Equal("Chiềng Cơi commune: offline since 14:30", firing.TitleEn);
    }

    [Fact]
    public void OpenStreamSilentTwoAndAHalfHeartbeats_CountsAsOffline()
    {
        using var h = new AlertHarness();
        h.Connect();
        h.Heartbeats = false;
        h.Advance(TimeSpan.FromSeconds(74));
        Assert.Empty(h.All());
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AlertRules.SiteOffline, Assert.Single(h.Dispatcher.Sent).Rule);
        h.Heartbeats = true;
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(h.Active());
    }

    [Fact]
    public void SiteOffline_SuppressesEveryOtherAlertOfTheSite()
    {
        var options = new AlertingOptions();
        options.Rules[AlertRules.SelfcheckFailed] = new RuleOptions { HoldDownSeconds = 60 };
        using var h = new AlertHarness(options);
        h.Connect(("router", "uplink"), ("firewall", ""));
        h.Send(h.Interface("router", 2, "wan0", oper: 2), h.Device("firewall", reachable: false), h.SelfCheck("dns", 2));
        h.Disconnect();
        h.Advance(TimeSpan.FromMinutes(5));
        var sent = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.SiteOffline, sent.Rule);
        var offline = h.Active().Single(a => a.Rule == AlertRules.SiteOffline);
        var others = h.Active().Where(a => a.Rule != AlertRules.SiteOffline).ToList();
        Assert.Equal(3, others.Count);
        Assert.All(others, a =>
        {
            Assert.Equal(AlertState.Firing, a.State);
            Assert.True(a.Suppressed);
            Assert.Equal(offline.Id, a.SuppressedBy);
        });
    }

    [Fact]
    public void SiteComingBack_ResolvesOffline_WithAResolvedNoticeWhenNoOutageRecorder()
    {
        using var h = new AlertHarness();
        h.Connect();
        h.Disconnect();
        h.Advance(TimeSpan.FromMinutes(10));
        h.Connect();
        Assert.Equal([NotificationKind.Firing, NotificationKind.Resolved], h.Dispatcher.Sent.Select(n => n.Kind));
        Assert.StartsWith("Xã Chiềng Cơi: đã kết nối lại lúc 14:40 (mất kết nối 10 phút", h.Dispatcher.Sent[1].TitleVi, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableDevice_SuppressesItsInterfaces()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"), ("switch", ""));
        h.Send(h.Device("switch", reachable: false), h.Interface("switch", 1, "ge1", oper: 2), h.Interface("switch", 2, "ge2", oper: 2));
        h.Advance(TimeSpan.FromMinutes(2));
        var sent = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.DeviceUnreachable, sent.Rule);
        Assert.Equal("switch", sent.Device);
        var unreachable = h.Active().Single(a => a.Rule == AlertRules.DeviceUnreachable);
        Assert.All(h.Active().Where(a => a.Rule == AlertRules.LinkDown), a => Assert.Equal(unreachable.Id, a.SuppressedBy));
        Assert.Equal(2, h.Active().Count(a => a.Rule == AlertRules.LinkDown));
    }

    [Fact]
    public void UplinkDown_IsTheCauseOfWhatFollows_OneNotification()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"), ("firewall", ""));
        h.Send(h.Interface("router", 2, "wan0"));
        h.Send(h.Event("link_down", "router", ifIndex: 2));
        var uplink = Assert.Single(h.Dispatcher.Sent);
        h.Advance(TimeSpan.FromSeconds(30));
        h.Send(h.Interface("firewall", 1, "wan", oper: 2), h.SelfCheck("service:dichvucong", 2));
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Single(h.Dispatcher.Sent);
        var followers = h.Active().Where(a => a.Id != uplink.AlertId).ToList();
        Assert.Equal(2, followers.Count);
        Assert.All(followers, a =>
        {
            Assert.Equal(AlertState.Firing, a.State);
            Assert.Equal(uplink.AlertId, a.CauseAlertId);
            Assert.False(a.Suppressed);
        });
    }

    [Fact]
    public void RouterNamedDevice_IsTheUplinkWhenNoRoleIsGiven()
    {
        using var h = new AlertHarness();
        h.Connect(("core-router", ""), ("switch", ""));
        h.Send(h.Event("link_down", "core-router", ifIndex: 1));
        h.Send(h.Interface("switch", 1, "ge1", oper: 2));
        h.Advance(TimeSpan.FromMinutes(2));
        Assert.Single(h.Dispatcher.Sent);
        Assert.NotNull(h.Active().Single(a => a.Device == "switch").CauseAlertId);
    }
}

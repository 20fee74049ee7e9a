using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>Every rule fires after its hold-down and not before (FakeTimeProvider, no sleeping).</summary>
public sealed class AlertRuleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>Makes the rule's condition hold (sending the points again each call keeps it live).</summary>
    private static void Hold(AlertHarness h, string rule)
    {
        switch (rule)
        {
            case AlertRules.DeviceUnreachable:
                h.Send(h.Device("firewall", reachable: false));
                break;
            case AlertRules.LinkDown:
                h.Send(h.Interface("router", 2, "wan0", admin: 1, oper: 2));
                break;
            case AlertRules.HighUtilization:
                h.Send(h.Interface("router", 2, "wan0", inBps: 95e6, outBps: 1e6, speed: 100_000_000));
                break;
            case AlertRules.UpsOnBattery:
                h.Send(h.Ups("ups", onBattery: true));
                break;
            case AlertRules.UpsBatteryLow:
                h.Send(h.Ups("ups", onBattery: false, percent: 20, runtime: 30));
                break;
            case AlertRules.SelfcheckFailed:
                h.Send(h.SelfCheck("dns", 2));
                break;
            case AlertRules.ClockSkew:
                h.Send(h.Agent(9000));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule));
        }
    }

    [Theory]
    [InlineData(AlertRules.DeviceUnreachable, 60)]
    [InlineData(AlertRules.LinkDown, 60)]
    [InlineData(AlertRules.HighUtilization, 300)]
    [InlineData(AlertRules.UpsOnBattery, 30)]
    [InlineData(AlertRules.UpsBatteryLow, 120)]
    [InlineData(AlertRules.SelfcheckFailed, 90)]
    [InlineData(AlertRules.ClockSkew, 60)]
    public void Condition_FiresAfterHoldDown_NotBefore(string rule, int holdDownSeconds)
    {
        var options = new AlertingOptions();
        // The rules without a default hold-down get one here, so "not before" means something for each.
        options.Rules[rule] = new RuleOptions { HoldDownSeconds = holdDownSeconds };
        using var h = new AlertHarness(options);
        h.Connect(("router", "uplink"), ("firewall", ""), ("ups", "ups"));
        Hold(h, rule);
        var pending = Assert.Single(h.Active(), a => a.Rule == rule);
        Assert.Equal(AlertState.Pending, pending.State);

        h.Advance(TimeSpan.FromSeconds(holdDownSeconds - 1));
        Hold(h, rule);
        Assert.Empty(h.Dispatcher.Sent);
        Assert.Equal(AlertState.Pending, Assert.Single(h.Active(), a => a.Rule == rule).State);

        h.Advance(Second);
        var firing = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(NotificationKind.Firing, firing.Kind);
        Assert.Equal(rule, firing.Rule);
        Assert.Equal(AlertHarness.Site, firing.SiteId);
        Assert.Equal("Thuận Châu", firing.District);
        Assert.Equal($"alert-{pending.Id}-firing", firing.Id);
        Assert.Equal(AlertState.Firing, Assert.Single(h.Active(), a => a.Rule == rule).State);
    }

    [Fact]
    public void ConditionClearingDuringHoldDown_CancelsSilently()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Interface("router", 2, "wan0", oper: 2));
        h.Advance(TimeSpan.FromSeconds(30));
        h.Send(h.Interface("router", 2, "wan0", oper: 1));
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Dispatcher.Sent);
        Assert.Empty(h.All());
    }

    [Fact]
    public void AdminDownInterface_IsNotLinkDown()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Interface("router", 3, "lan3", admin: 2, oper: 2));
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.All());
    }

    [Fact]
    public void LinkDownTrap_FiresAtOnce_LinkUpTrapResolves()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Interface("router", 2, "wan0"));
        h.Send(h.Event("link_down", "router", ifIndex: 2));
        var firing = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(NotificationKind.Firing, firing.Kind);
        Assert.Equal(AlertRules.LinkDown, firing.Rule);
        Assert.Equal("router", firing.Device);
        Assert.Equal("wan0", firing.Interface);
        Assert.Equal("Xã Chiềng Cơi: cổng wan0 của router mất kết nối từ 14:30", firing.TitleVi);
        Assert.Equal("Chiềng Cơi commune: interface wan0 on router down since 14:30", firing.TitleEn);

        h.Advance(TimeSpan.FromSeconds(20));
        h.Send(h.Event("link_up", "router", ifIndex: 2));
        Assert.Equal(2, h.Dispatcher.Sent.Count);
        var resolved = h.Dispatcher.Sent[1];
        Assert.Equal(NotificationKind.Resolved, resolved.Kind);
        Assert.Equal($"alert-{firing.AlertId}-resolved", resolved.Id);
        Assert.Empty(h.Active());
        Assert.Equal(AlertState.Resolved, Assert.Single(h.All()).State);
    }

    [Fact]
    public void LinkDownTrap_NextPollUp_Clears()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Event("link_down", "router", ifIndex: 2));
        Assert.Single(h.Dispatcher.Of(NotificationKind.Firing));
        // A trap before any poll names the interface by its index.
        Assert.Equal("2", h.Dispatcher.Sent[0].Interface);
        h.Advance(TimeSpan.FromSeconds(30));
        h.Send(h.Interface("router", 2, "wan0", oper: 1));
        Assert.Single(h.Dispatcher.Of(NotificationKind.Resolved));
        Assert.Empty(h.Active());
    }

    [Fact]
    public void DeviceRebooted_OneShot_ResolvesByItselfAfter15Minutes()
    {
        using var h = new AlertHarness();
        h.Connect(("router", "uplink"));
        h.Send(h.Event("reboot", "router"));
        h.Send(h.Event("cold_start", "router"));
        var firing = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.DeviceRebooted, firing.Rule);
        h.Advance(TimeSpan.FromMinutes(14));
        Assert.Single(h.Active());
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.Active());
        Assert.Equal(NotificationKind.Resolved, h.Dispatcher.Sent[^1].Kind);
    }

    [Fact]
    public void InterfaceErrors_FromCounterRate_CounterGoingBackIsNoAlert()
    {
        var options = new AlertingOptions();
        options.Rules[AlertRules.InterfaceErrors] = new RuleOptions { HoldDownSeconds = 60, ErrorsPerMinute = 10 };
        using var h = new AlertHarness(options);
        h.Connect(("router", "uplink"));
        h.Send(h.Interface("router", 2, "wan0", inErrors: 1_000_000));
        h.Advance(TimeSpan.FromMinutes(1));
        // Back from a million to 5: a reset, not four billion errors.
        h.Send(h.Interface("router", 2, "wan0", inErrors: 5));
        h.Advance(TimeSpan.FromMinutes(1));
        h.Send(h.Interface("router", 2, "wan0", inErrors: 10));
        h.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty(h.All());

        h.Send(h.Interface("router", 2, "wan0", inErrors: 1000));
        h.Advance(TimeSpan.FromMinutes(1));
        h.Send(h.Interface("router", 2, "wan0", inErrors: 2000));
        var firing = Assert.Single(h.Dispatcher.Sent);
        Assert.Equal(AlertRules.InterfaceErrors, firing.Rule);
        Assert.Contains("lỗi/phút", firing.TitleVi, StringComparison.Ordinal);
    }

    [Fact]
    public void UpsOnBattery_ClearsOnPowerRestored()
    {
        using var h = new AlertHarness();
        h.Connect(("ups", "ups"));
        h.Send(h.Event("power_lost", "ups"));
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(AlertRules.UpsOnBattery, Assert.Single(h.Dispatcher.Sent).Rule);
        h.Send(h.Event("power_restored", "ups"));
        Assert.Equal(NotificationKind.Resolved, h.Dispatcher.Sent[^1].Kind);
        Assert.Empty(h.Active());
    }

    [Fact]
    public void DisabledRule_NeverFires()
    {
        var options = new AlertingOptions();
        options.Overrides.Add(new RuleOverride { Site = AlertHarness.Site, Device = "router", Rule = "link_down", Enabled = false });
        using var h = new AlertHarness(options);
        h.Connect(("router", "uplink"), ("switch", ""));
        h.Send(h.Interface("router", 2, "wan0", oper: 2), h.Interface("switch", 1, "ge1", oper: 2));
        h.Advance(TimeSpan.FromMinutes(2));
        var alert = Assert.Single(h.Active());
        Assert.Equal("switch", alert.Device);
    }
}

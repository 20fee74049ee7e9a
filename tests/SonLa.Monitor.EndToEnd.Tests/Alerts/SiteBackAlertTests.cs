using Xunit.Abstractions;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>
/// A site goes dark (its WAN link to the collector cut), things happen there while it is dark, and it comes back with
/// its backlog: one site_offline, then one "site back" message with the timeline, and nothing else.
/// </summary>
public sealed class SiteBackAlertTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DarkSiteWithPowerCutAndUplinkDown_OneSiteOfflineThenOneSiteBackWithTheTimeline()
    {
        await using var stack = await AlertStack.StartAsync();
        Assert.True(stack.Calls.Count == 0, stack.Describe());

        stack.Link.Cut(LinkCut.Reset);
        var offline = await stack.WaitForCallAsync(c => c.Rule == "site_offline" && c.Kind == "firing", "site_offline");
        Assert.Equal("chieng-coi", offline.Site);

        // While dark: the power fails (UPS on battery), the uplink goes down (trap and polls), then both come back.
        stack.SetUps(SimulatedUps.OnBattery(10));
        await Task.Delay(TimeSpan.FromSeconds(5));
        stack.SetInterfaces(i => i.Index == 1 ? i with { OperStatus = 2 } : i);
        await stack.SendLinkTrapAsync(1, up: false);
        await Task.Delay(TimeSpan.FromSeconds(5));
        stack.SetUps(SimulatedUps.OnMains);
        stack.SetInterfaces(i => i with { OperStatus = 1 });
        await stack.SendLinkTrapAsync(1, up: true);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(stack.Calls.Count == 1, stack.Describe());

        stack.Link.Restore();
        var back = await stack.WaitForCallAsync(c => c.Rule == "site_back", "the site-back message");
        output.WriteLine(back.Text);
        output.WriteLine(back.Details["timeline"]);

        Assert.Equal(("site_back", "chieng-coi"), (back.Kind, back.Site));
        Assert.Equal("power", back.Details["class"]);
        Assert.Contains("Xã Chiềng Cơi: có kết nối trở lại lúc ", back.Text, StringComparison.Ordinal);
        Assert.Contains("Nguyên nhân: mất điện.", back.Text, StringComparison.Ordinal);
        var order = new[] { "mất điện (UPS chạy pin)", "đường truyền mất (router ge-0/0/1)", "có điện trở lại", "đường truyền có lại (router ge-0/0/1)" }
            .Select(s => back.Text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.True(order.All(i => i > 0), back.Text);
        Assert.True(order[0] < order[1] && order[1] < order[3] && order[0] < order[2], back.Text);
        // One entry per change: the linkDown trap and the polls that saw the port down are one line.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(back.Text, "đường truyền mất"));

        // Nothing else: no stale ups_on_battery, link_down or site_offline resolved from the backlog.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var calls = stack.Calls;
        Assert.True(calls.Count == 2, stack.Describe());
    }
}

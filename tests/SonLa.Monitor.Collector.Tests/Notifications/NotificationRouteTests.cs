using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class NotificationRouteTests
{
    private static NotificationRoute Route(Dictionary<string, string?> settings) =>
        NotificationRoute.From(DispatcherHarness.Bind(settings).Channels[0]);

    private static Dictionary<string, string?> Channel(params (string Key, string Value)[] keys)
    {
        var settings = WebhookSettings.Webhook("http://127.0.0.1:9/x");
        foreach (var (key, value) in keys)
        {
            settings["Notifications:Channels:0:" + key] = value;
        }

        return settings;
    }

    [Fact]
    public void NoFilter_GetsEverything()
    {
        var route = Route(Channel());
        Assert.True(route.Matches(Notifications.LinkDown()));
        Assert.True(route.Matches(Notifications.SiteBack()));
        Assert.True(route.Matches(Notifications.LinkDown(severity: NotificationSeverity.Info, district: null)));
    }

    [Fact]
    public void KindsSiteBackAndRollup_DoNotGetFiring()
    {
        var route = Route(Channel(("Kinds:0", "SiteBack"), ("Kinds:1", "rollup")));
        Assert.False(route.Matches(Notifications.LinkDown()));
        Assert.True(route.Matches(Notifications.SiteBack()));
        Assert.True(route.Matches(Notifications.LinkDown("r", NotificationKind.Rollup, rule: "rollup")));
    }

    [Fact]
    public void Kinds_SnakeCaseAccepted()
    {
        var route = Route(Channel(("Kinds:0", "site_back")));
        Assert.True(route.Matches(Notifications.SiteBack()));
    }

    [Fact]
    public void Rules_OnlyThoseRules()
    {
        var route = Route(Channel(("Rules:0", "link_down"), ("Rules:1", "high_utilization")));
        Assert.True(route.Matches(Notifications.LinkDown()));
        Assert.False(route.Matches(Notifications.LinkDown(rule: "site_offline")));
        Assert.False(route.Matches(Notifications.SiteBack()));
    }

    [Theory]
    [InlineData("Warning", NotificationSeverity.Info, false)]
    [InlineData("Warning", NotificationSeverity.Warning, true)]
    [InlineData("warning", NotificationSeverity.Critical, true)]
    [InlineData("Critical", NotificationSeverity.Warning, false)]
    public void MinSeverity_LowerSeveritiesDropped(string minSeverity, NotificationSeverity severity, bool expected) =>
        Assert.Equal(expected, Route(Channel(("MinSeverity", minSeverity))).Matches(Notifications.LinkDown(severity: severity)));

    [Fact]
    public void Districts_OnlyTheirSites_NotProvinceWideNotices()
    {
        var route = Route(Channel(("Districts:0", "Thuận Châu"), ("Districts:1", "Mai Sơn")));
        Assert.True(route.Matches(Notifications.LinkDown(district: "Thuận Châu")));
        Assert.True(route.Matches(Notifications.LinkDown(district: "mai sơn")));
        Assert.False(route.Matches(Notifications.LinkDown(district: "Mộc Châu")));
        Assert.False(route.Matches(Notifications.LinkDown(district: null)));
    }

    [Fact]
    public async Task Dispatcher_ChannelFilteredToSiteBack_GetsNoFiring_TheOtherChannelDoes()
    {
        using var dir = new TempDirectory("sonla-notify");
        await using var noc = HttpReceiver.Start();
        await using var provinceIt = HttpReceiver.Start();
        var settings = WebhookSettings.Webhook(noc.Url("/noc"), 0, "noc")
            .With(WebhookSettings.Webhook(provinceIt.Url("/it"), 1, "province-it"))
            .With("Notifications:Channels:1:Kinds:0", "SiteBack")
            .With("Notifications:Channels:1:Kinds:1", "Rollup");
        await using var harness = await DispatcherHarness.StartAsync(dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        harness.Dispatcher.Enqueue(Notifications.SiteBack());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(1));
        await harness.UntilSettledAsync("siteback-chieng-coi-1764254100", TimeSpan.FromSeconds(1));
        await Task.Delay(200);

        Assert.Equal(2, noc.Count);
        var it = Assert.Single(provinceIt.Requests);
        Assert.Contains("\"kind\":\"site_back\"", it.BodyText, StringComparison.Ordinal);
        Assert.Equal(["noc"], harness.Store.Deliveries("alert-42-firing").Select(d => d.Channel));
    }

    [Fact]
    public async Task Dispatcher_NotificationNoChannelWants_RecordedForDedup_NothingSent()
    {
        using var dir = new TempDirectory("sonla-notify");
        await using var receiver = HttpReceiver.Start();
        var settings = WebhookSettings.Webhook(receiver.Url("/x")).With("Notifications:Channels:0:MinSeverity", "Critical");
        await using var harness = await DispatcherHarness.StartAsync(dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.SiteBack());
        harness.Dispatcher.Enqueue(Notifications.SiteBack());
        await Task.Delay(300);

        Assert.Equal(0, receiver.Count);
        Assert.Empty(harness.Store.Deliveries("siteback-chieng-coi-1764254100"));
        Assert.Equal(1, harness.Metrics.Duplicates);
    }
}

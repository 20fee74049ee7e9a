using System.Net;
using SonLa.Monitor.Collector.Tests.Auth;

namespace SonLa.Monitor.Collector.Tests.History;

/// <summary>GET /api/events through the real collector and a real influxd: order, filters, limit, site names, roles.</summary>
public class EventApiTests(HistoryApiFixture fixture) : IClassFixture<HistoryApiFixture>
{
    [Fact]
    public async Task Viewer_GetsEveryVisibleSiteNewestFirst_WithSiteNames_InTheLastSevenDays()
    {
        var answer = await fixture.Viewer.GetAsync("/api/events");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(["events"], answer.Json.EnumerateObject().Select(p => p.Name));
        var events = answer.Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["link_down", "power_lost", "link_up", "link_down"], events.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["time", "site", "site_name", "device", "kind", "message"], events[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["muong-bu", "chieng-coi", "chieng-coi", "chieng-coi"], events.Select(e => e.GetProperty("site").GetString()));
        Assert.Equal("Xã Mường Bú", events[0].GetProperty("site_name").GetString());
        Assert.Equal("Xã Chiềng Cơi", events[1].GetProperty("site_name").GetString());
        Assert.Equal("ups", events[1].GetProperty("device").GetString());
        Assert.Equal("Mất điện lưới", events[1].GetProperty("message").GetString());
        var times = events.Select(e => e.GetProperty("time").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(times, t => Assert.Equal(TimeSpan.Zero, t.Offset));
        Assert.Contains("Mất điện lưới", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_SiteKindSinceLimit()
    {
        var site = await fixture.Viewer.GetAsync("/api/events?site=chieng-coi");
        Assert.Equal(["power_lost", "link_up", "link_down"], Kinds(site));

        var kind = await fixture.Viewer.GetAsync("/api/events?kind=link_down");
        Assert.Equal(["muong-bu", "chieng-coi"], kind.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("site").GetString()));

        var limit = await fixture.Viewer.GetAsync("/api/events?site=chieng-coi&limit=2");
        Assert.Equal(["power_lost", "link_up"], Kinds(limit));

        var since = await fixture.Viewer.GetAsync("/api/events?site=chieng-coi&since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-25).ToString("O")));
        Assert.Equal(["power_lost", "link_up"], Kinds(since));

        var older = await fixture.Viewer.GetAsync("/api/events?site=chieng-coi&since=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-9).ToString("O")));
        Assert.Equal(["power_lost", "link_up", "link_down", "reboot"], Kinds(older));

        var hostile = await fixture.Viewer.GetAsync("/api/events?kind=" + Uri.EscapeDataString("link_down' OR kind='power_lost"));
        Assert.True(hostile.Status == HttpStatusCode.OK, hostile.ToString());
        Assert.Empty(Kinds(hostile));
    }

    [Fact]
    public async Task SiteUser_GetsOnlyItsOwnSite_403ForAnother_404ForUnknown()
    {
        var own = await fixture.SiteUser.GetAsync("/api/events");
        Assert.Equal(["power_lost", "link_up", "link_down"], Kinds(own));
        Assert.All(own.Json.GetProperty("events").EnumerateArray(), e => Assert.Equal("chieng-coi", e.GetProperty("site").GetString()));

        var other = await fixture.SiteUser.GetAsync("/api/events?site=muong-bu");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("forbidden", other.Error);

        var unknown = await fixture.Viewer.GetAsync("/api/events?site=xa-khong-co");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("not_found", unknown.Error);

        using var anonymous = fixture.Host.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/events")).Status);
    }

    [Theory]
    [InlineData("/api/events?limit=0")]
    [InlineData("/api/events?limit=1001")]
    [InlineData("/api/events?limit=ten")]
    [InlineData("/api/events?since=yesterday")]
    [InlineData("/api/events?kind=")]
    public async Task BadParameters_Are400(string path)
    {
        var answer = await fixture.Viewer.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", answer.Error);
    }

    private static List<string?> Kinds(ApiSession.Answer answer)
    {
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return answer.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
    }
}

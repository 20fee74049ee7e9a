using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>The alerts API over the real alert engine (its IAlertBook and SQLite tables) in the real app.</summary>
public class AlertApiEngineTests
{
    [Fact]
    public async Task LinkDown_IsListedForItsSiteOnly_AcknowledgedByAnAdmin_AndWindowsGoThroughTheEngine()
    {
        await using var host = await ApiHost.StartAsync();
        var engine = host.Services.GetRequiredService<AlertEngine>();
        var now = DateTimeOffset.UtcNow;
        engine.OnConnected(ApiHost.SiteId, new Hello
        {
            SiteId = ApiHost.SiteId,
            SiteName = "Xã Chiềng Cơi",
            Devices = { new DeviceInfo { Name = "router", Role = "uplink", Host = "192.0.2.1" } },
        }, now);
        engine.OnBatchStored(new IngestedBatch(ApiHost.SiteId, "boot", 1, [], false, [LinkDown(now)], now));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await engine.FlushAsync(timeout.Token);

        using var staff = await host.UserAsync("chieng-coi-staff", "site", ApiHost.SiteId);
        using var otherStaff = await host.UserAsync("muong-bu-staff", "site", ApiHost.OtherSiteId);
        using var admin = await host.AdminAsync();

        var seen = await staff.GetAsync("/api/alerts");
        var alert = Assert.Single(seen.Json.GetProperty("alerts").EnumerateArray());
        Assert.Equal("link_down", alert.GetProperty("rule").GetString());
        Assert.Equal("router", alert.GetProperty("device").GetString());
        Assert.Equal("Xã Chiềng Cơi", alert.GetProperty("site_name").GetString());
        Assert.Empty((await otherStaff.GetAsync("/api/alerts")).Json.GetProperty("alerts").EnumerateArray());

        var id = alert.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/alerts/{id}/ack", "{}")).Status);
        var ack = await admin.PostAsync($"/api/alerts/{id}/ack", """{"comment":"đã báo VNPT"}""");
        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.Equal("admin", ack.Json.GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal("admin", (await staff.GetAsync("/api/alerts")).Json.GetProperty("alerts")[0].GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/alerts/{id + 1000}/ack", "{}")).Status);

        var window = await admin.PostAsync("/api/maintenance",
            $$"""{"site":"{{ApiHost.SiteId}}","starts_at":"{{now:O}}","ends_at":"{{now.AddHours(2):O}}","reason":"Thay UPS"}""");
        Assert.Equal(HttpStatusCode.Created, window.Status);
        Assert.Single((await staff.GetAsync("/api/maintenance")).Json.GetProperty("windows").EnumerateArray());
        Assert.Empty((await otherStaff.GetAsync("/api/maintenance")).Json.GetProperty("windows").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/maintenance/{window.Json.GetProperty("id").GetInt64()}")).Status);
    }

    private static LinePoint LinkDown(DateTimeOffset at) => new(
        "event",
        [new("site", ApiHost.SiteId), new("device", "router"), new("kind", "link_down"), new("if_index", "2")],
        [new("message", LineValue.FromString("link_down"))],
        at.ToUnixTimeMilliseconds() * 1_000_000);
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Tests.Auth;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>GET/POST/DELETE /api/maintenance over a known alert book.</summary>
public class MaintenanceApiTests
{
    private const string Window =
        """{"site":"chieng-coi","device":"router","starts_at":"2026-11-28T08:00:00+07:00","ends_at":"2026-11-28T10:00:00+07:00","reason":"Thay UPS"}""";

    [Fact]
    public async Task AdminAddsListsAndRemoves_SiteUserSeesOnlyItsSite()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var admin = await host.AdminAsync();
        using var staff = await host.UserAsync("muong-bu-staff", "site", ApiHost.OtherSiteId);

        var added = await admin.PostAsync("/api/maintenance", Window);
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(
            ["id", "site", "device", "starts_at", "ends_at", "reason", "created_by", "created_at"],
            added.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("admin", added.Json.GetProperty("created_by").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero), added.Json.GetProperty("starts_at").GetDateTimeOffset());
        var id = added.Json.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsync("/api/maintenance", Window.Replace("\"chieng-coi\",\"device\":\"router\"", "\"muong-bu\",\"device\":null", StringComparison.Ordinal))).Status);

        var listed = await admin.GetAsync("/api/maintenance");
        Assert.Equal(2, listed.Json.GetProperty("windows").GetArrayLength());
        var own = await staff.GetAsync("/api/maintenance");
        Assert.Equal(["muong-bu"], own.Json.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("site").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/maintenance?site=chieng-coi")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/maintenance/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/maintenance/{id}")).Status);
        Assert.Equal(1, (await admin.GetAsync("/api/maintenance")).Json.GetProperty("windows").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"starts_at":"2026-11-28T08:00:00+07:00","ends_at":"2026-11-28T10:00:00+07:00","reason":"x"}""", "site is required")]
    [InlineData("""{"site":"nowhere","starts_at":"2026-11-28T08:00:00+07:00","ends_at":"2026-11-28T10:00:00+07:00","reason":"x"}""", "site 'nowhere' is not a configured site")]
    [InlineData("""{"site":"chieng-coi","starts_at":"2026-11-28T10:00:00+07:00","ends_at":"2026-11-28T08:00:00+07:00","reason":"x"}""", "ends_at must be after starts_at")]
    [InlineData("""{"site":"chieng-coi","ends_at":"2026-11-28T08:00:00+07:00","reason":"x"}""", "starts_at is required")]
    [InlineData("""{"site":"chieng-coi","starts_at":"2026-11-28T08:00:00+07:00","ends_at":"2026-11-28T10:00:00+07:00"}""", "reason is required")]
    [InlineData("""{"site":"chieng-coi","starts_at":"tomorrow","ends_at":"2026-11-28T10:00:00+07:00","reason":"x"}""", "malformed JSON at $.starts_at")]
    public async Task BadWindow_Is400_SayingWhy(string body, string reason)
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var admin = await host.AdminAsync();
        var answer = await admin.PostAsync("/api/maintenance", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(reason, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

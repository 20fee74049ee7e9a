using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Tests.Auth;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>GET /api/alerts and POST /api/alerts/{id}/ack: the JSON shapes and answers, over a known alert book.</summary>
public class AlertApiTests
{
    private static readonly string[] AlertFields =
    [
        "id", "rule", "state", "severity", "site", "site_name", "device", "interface", "started_at", "fired_at", "resolved_at",
        "acknowledged", "suppressed", "suppressed_by", "cause_alert_id", "flapping", "in_maintenance", "message", "message_en",
    ];

    [Fact]
    public async Task Alerts_HaveTheDocumentedSnakeCaseShape()
    {
        var book = new FakeAlertBook();
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook>(book));
        using var admin = await host.AdminAsync();

        var active = await admin.GetAsync("/api/alerts");
        Assert.Equal(HttpStatusCode.OK, active.Status);
        Assert.Equal("application/json", active.MediaType);
        Assert.Equal(["alerts"], active.Json.EnumerateObject().Select(p => p.Name));
        var alerts = active.Json.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal([2L, 1L], alerts.Select(a => a.GetProperty("id").GetInt64()));

        var link = alerts[1];
        Assert.Equal(AlertFields, link.EnumerateObject().Select(p => p.Name));
        Assert.Equal("link_down", link.GetProperty("rule").GetString());
        Assert.Equal("firing", link.GetProperty("state").GetString());
        Assert.Equal("critical", link.GetProperty("severity").GetString());
        Assert.Equal("chieng-coi", link.GetProperty("site").GetString());
        Assert.Equal("Xã Chiềng Cơi", link.GetProperty("site_name").GetString());
        Assert.Equal("router", link.GetProperty("device").GetString());
        Assert.Equal("wan0", link.GetProperty("interface").GetString());
        Assert.Equal(FakeAlertBook.Started, link.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("resolved_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, link.GetProperty("acknowledged").ValueKind);
        Assert.False(link.GetProperty("suppressed").GetBoolean());
        Assert.Equal("Xã Chiềng Cơi: mất kết nối từ 14:35", link.GetProperty("message").GetString());
        // Vietnamese travels as UTF-8 text, not \u escapes a person cannot read in curl.
        Assert.Contains("Xã Chiềng Cơi", active.Body, StringComparison.Ordinal);

        var all = await admin.GetAsync("/api/alerts?state=all");
        Assert.Equal([3L, 2L, 1L], all.Json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal("resolved", all.Json.GetProperty("alerts")[0].GetProperty("state").GetString());

        var limited = await admin.GetAsync("/api/alerts?state=all&limit=1&site=" + ApiHost.SiteId);
        Assert.Equal([3L], limited.Json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(new AlertQuery { ActiveOnly = false, Site = ApiHost.SiteId, Limit = 1 }, book.Queries[^1]);
    }

    [Theory]
    [InlineData("/api/alerts?state=open", "state must be active or all")]
    [InlineData("/api/alerts?limit=0", "limit must be between 1 and 5000")]
    [InlineData("/api/alerts?limit=5001", "limit must be between 1 and 5000")]
    public async Task BadQuery_Is400(string path, string reason)
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var viewer = await host.UserAsync("noc", "viewer");
        var answer = await viewer.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(reason, answer.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Acknowledge_Answers200WithTheAlert_404Unknown_409Resolved()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var admin = await host.AdminAsync();

        var ack = await admin.PostAsync("/api/alerts/1/ack", """{"comment":"VNPT đã nhận, đang sửa cáp quang"}""");
        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.Equal(AlertFields, ack.Json.EnumerateObject().Select(p => p.Name));
        var by = ack.Json.GetProperty("acknowledged");
        Assert.Equal(["by", "at", "comment"], by.EnumerateObject().Select(p => p.Name));
        Assert.Equal("admin", by.GetProperty("by").GetString());
        Assert.Equal("VNPT đã nhận, đang sửa cáp quang", by.GetProperty("comment").GetString());

        // No body at all is fine too; acknowledging twice keeps the first.
        var again = await admin.PostAsync("/api/alerts/1/ack");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("VNPT đã nhận, đang sửa cáp quang", again.Json.GetProperty("acknowledged").GetProperty("comment").GetString());

        var unknown = await admin.PostAsync("/api/alerts/999/ack", "{}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("not_found", unknown.Error);

        var resolved = await admin.PostAsync("/api/alerts/3/ack", "{}");
        Assert.Equal(HttpStatusCode.Conflict, resolved.Status);
        Assert.Equal("conflict", resolved.Error);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/alerts/2/ack", "{\"comment\":")).Status);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsync("/api/alerts/2/ack", JsonSerializer.Serialize(new { comment = new string('x', 1001) }))).Status);
    }
}

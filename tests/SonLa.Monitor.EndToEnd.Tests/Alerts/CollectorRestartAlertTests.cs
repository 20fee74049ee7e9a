using System.Text.Json;

namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>kill -9 of the collector while an alert fires, then a restart on the same state file.</summary>
public sealed class CollectorRestartAlertTests
{
    [Fact]
    public async Task CollectorKilledMidAlert_NoDuplicateNotificationAndTheAcknowledgementSurvives()
    {
        // A long site_offline hold-down: the agent's reconnect after the restart is not what this test is about.
        await using var stack = await AlertStack.StartAsync(routerRole: "router", collectorArgs: ["--Alerts:Rules:site_offline:HoldDownSeconds=120"]);

        stack.SetInterfaces(i => i.Index == 2 ? i with { OperStatus = 2 } : i);
        await stack.SendLinkTrapAsync(2, up: false);
        var firing = await stack.WaitForCallAsync(c => c.Rule == "link_down" && c.Kind == "firing", "the link_down webhook call");

        long id;
        using (var admin = await stack.AdminSessionAsync())
        {
            var alert = (await ActiveAsync(admin)).Single(a => a.GetProperty("rule").GetString() == "link_down");
            id = alert.GetProperty("id").GetInt64();
            using var ack = await admin.PostAsync($"/api/alerts/{id}/ack", AlertStack.Json(new { comment = "Đã báo VNPT" }));
            Assert.True(ack.IsSuccessStatusCode, $"{(int)ack.StatusCode} {await ack.Content.ReadAsStringAsync()}");
        }

        stack.KillCollector();
        await stack.RestartCollectorAsync();

        // The engine has its state back and the agent is streaming again (new polls still say the port is down).
        JsonElement after = default;
        await stack.WaitForAsync(async () =>
        {
            using var admin = await stack.AdminSessionAsync();
            after = (await ActiveAsync(admin)).SingleOrDefault(a => a.GetProperty("id").GetInt64() == id);
            return after.ValueKind == JsonValueKind.Object;
        }, "the acknowledged alert after the restart");
        await Task.Delay(TimeSpan.FromSeconds(8));

        Assert.Equal("firing", after.GetProperty("state").GetString());
        Assert.Equal("Đã báo VNPT", after.GetProperty("acknowledged").GetProperty("comment").GetString());
        var calls = stack.Calls;
        Assert.True(calls.Count(c => c.Id == firing.Id) == 1 && calls.Count(c => c.Rule == "link_down" && c.Kind == "firing") == 1, stack.Describe());
        Assert.True(calls.Count == 1, stack.Describe());
    }

    private static async Task<List<JsonElement>> ActiveAsync(HttpClient admin)
    {
        var body = await admin.GetStringAsync("/api/alerts?state=active");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("alerts").EnumerateArray().Select(e => e.Clone())];
    }
}

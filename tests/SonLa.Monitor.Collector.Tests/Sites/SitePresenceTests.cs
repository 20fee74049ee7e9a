using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Sites;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>
/// Site status from agent presence in the real collector (test agents on its gRPC endpoint): unknown until the agent
/// connects, ok while connected, down when the stream closes or goes silent, and down (not unknown) after a restart.
/// </summary>
public class SitePresenceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connect_TurnsUnknownToOk_ClosingTheStream_TurnsItDown_AndLiveClientsAreTold()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SitesHost.StartAsync(time: time);
        using var viewer = await host.UserAsync("noc", "viewer");
        using var otherStaff = await host.UserAsync("muong-bu-staff", "site", SitesHost.OtherSiteId);
        await using var live = await LiveReader.OpenAsync(host.Address, viewer.Cookies);
        await using var otherLive = await LiveReader.OpenAsync(host.Address, otherStaff.Cookies);

        var before = await SiteAsync(viewer, SitesHost.SiteId);
        Assert.Equal("unknown", before.GetProperty("status").GetString());
        Assert.False(before.GetProperty("connected").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("last_seen").ValueKind);
        Assert.Equal("unknown", before.GetProperty("uplink").GetString());

        using var agent = await host.ConnectAsync(SitesHost.SiteId, CollectorHost.Token);
        using var otherAgent = await host.ConnectAsync(SitesHost.OtherSiteId, CollectorHost.OtherToken);
        await UntilStatusAsync(viewer, SitesHost.SiteId, "ok");
        await UntilStatusAsync(viewer, SitesHost.OtherSiteId, "ok");
        var connected = await SiteAsync(viewer, SitesHost.SiteId);
        Assert.True(connected.GetProperty("connected").GetBoolean());
        Assert.Equal(time.GetUtcNow(), connected.GetProperty("last_seen").GetDateTimeOffset());
        Assert.Equal(0, connected.GetProperty("active_alerts").GetInt32());

        // The board's loop runs on the collector's clock: one tick announces what changed.
        time.Advance(SiteBoardService.Period);
        var ok = await live.NextAsync("site", s => s.GetProperty("id").GetString() == SitesHost.SiteId, Deadline);
        Assert.Equal("ok", ok.GetProperty("status").GetString());
        Assert.Equal("Xã Chiềng Cơi", ok.GetProperty("name").GetString());

        await agent.CompleteAsync();
        await UntilStatusAsync(viewer, SitesHost.SiteId, "down");
        var down = await SiteAsync(viewer, SitesHost.SiteId);
        Assert.False(down.GetProperty("connected").GetBoolean());
        Assert.Equal("unknown", down.GetProperty("uplink").GetString());
        Assert.NotEqual(JsonValueKind.Null, down.GetProperty("last_seen").ValueKind);

        time.Advance(SiteBoardService.Period);
        var told = await live.NextAsync("site", s => s.GetProperty("id").GetString() == SitesHost.SiteId, Deadline);
        Assert.Equal("down", told.GetProperty("status").GetString());
        Assert.False(told.GetProperty("connected").GetBoolean());

        // The site user's stream carries its own site and nothing of the others.
        var own = await otherLive.NextAsync("site", _ => true, Deadline);
        Assert.Equal(SitesHost.OtherSiteId, own.GetProperty("id").GetString());
        await otherAgent.CompleteAsync();
        await UntilStatusAsync(viewer, SitesHost.OtherSiteId, "down");
        time.Advance(SiteBoardService.Period);
        var ownDown = await otherLive.NextAsync("site", _ => true, Deadline);
        Assert.Equal(SitesHost.OtherSiteId, ownDown.GetProperty("id").GetString());
        Assert.Equal("down", ownDown.GetProperty("status").GetString());
        // A "site" event names its site by "id", an "alerts" event (the alert engine may have opened one by now) by "site".
        Assert.All(otherLive.Drain(), e => Assert.Equal(SitesHost.OtherSiteId, e.Data.GetProperty(e.Event == "alerts" ? "site" : "id").GetString()));
    }

    [Fact]
    public async Task SilentStream_IsDownAfterThreeHeartbeatIntervals_AndOkAgainWithAHeartbeat()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The alert engine stays out of it (no evaluation tick): its site_offline would make the quiet site degraded.
        await using var host = await SitesHost.StartAsync(time: time, extraArgs: ["--Ingest:HeartbeatIntervalSeconds=20", "--Alerts:EvaluationSeconds=3600"]);
        using var viewer = await host.UserAsync("noc", "viewer");
        using var agent = await host.ConnectAsync(SitesHost.SiteId, CollectorHost.Token);
        await UntilStatusAsync(viewer, SitesHost.SiteId, "ok");

        time.Advance(TimeSpan.FromSeconds(59));
        var quiet = await SiteAsync(viewer, SitesHost.SiteId);
        Assert.Equal("ok", quiet.GetProperty("status").GetString());

        time.Advance(TimeSpan.FromSeconds(2));
        var silent = await SiteAsync(viewer, SitesHost.SiteId);
        Assert.Equal("down", silent.GetProperty("status").GetString());
        Assert.False(silent.GetProperty("connected").GetBoolean());

        await agent.SendAsync(new AgentMessage { Heartbeat = new Heartbeat { SentTimeUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds() } });
        await UntilStatusAsync(viewer, SitesHost.SiteId, "ok");
    }

    [Fact]
    public async Task LastSeen_SurvivesACollectorRestart_AndTheSiteIsDownNotUnknown()
    {
        using var state = new TempDirectory();
        var path = state.File("collector-state.db");
        DateTimeOffset lastSeen;
        await using (var first = await SitesHost.StartAsync(statePath: path))
        {
            using var viewer = await first.UserAsync("noc", "viewer");
            using var agent = await first.ConnectAsync(SitesHost.SiteId, CollectorHost.Token);
            await UntilStatusAsync(viewer, SitesHost.SiteId, "ok");
            await agent.CompleteAsync();
            await UntilStatusAsync(viewer, SitesHost.SiteId, "down");
            lastSeen = (await SiteAsync(viewer, SitesHost.SiteId)).GetProperty("last_seen").GetDateTimeOffset();
        }

        await using var second = await SitesHost.StartAsync(statePath: path);
        using var admin = await second.AdminAsync();
        var list = (await admin.GetAsync("/api/sites")).Json;
        var site = Find(list, SitesHost.SiteId);
        Assert.Equal("down", site.GetProperty("status").GetString());
        Assert.False(site.GetProperty("connected").GetBoolean());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(lastSeen.ToUnixTimeMilliseconds()), site.GetProperty("last_seen").GetDateTimeOffset());
        Assert.Equal("unknown", Find(list, SitesHost.OtherSiteId).GetProperty("status").GetString());
        Assert.Equal(1, list.GetProperty("counts").GetProperty("down").GetInt32());
        Assert.Equal(2, list.GetProperty("counts").GetProperty("unknown").GetInt32());
    }

    internal static async Task<JsonElement> SiteAsync(Auth.ApiSession session, string siteId)
    {
        var answer = await session.GetAsync("/api/sites");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return Find(answer.Json, siteId);
    }

    internal static JsonElement Find(JsonElement list, string siteId) =>
        list.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == siteId);

    internal static string[] Ids(JsonElement list) => list.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();

    internal static Task UntilStatusAsync(Auth.ApiSession session, string siteId, string status) =>
        Poll.UntilAsync(async () =>
        {
            var answer = await session.GetAsync("/api/sites/" + siteId);
            return answer.Status == HttpStatusCode.OK && answer.Json.GetProperty("status").GetString() == status;
        }, Deadline, $"site {siteId} {status}");
}

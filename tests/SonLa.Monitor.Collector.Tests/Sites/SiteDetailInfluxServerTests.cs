using System.Net;
using System.Text.Json;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;
using static SonLa.Monitor.Collector.Tests.Sites.SitePoints;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>
/// What an agent's stored batches make of a site: the detail's devices, interfaces, UPS, self-check and events, and
/// the status they lead to. Test agents write through the real collector into a real InfluxDB.
/// </summary>
public sealed class SiteDetailInfluxServerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private InfluxServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxServer.StartAsync();

    public async Task DisposeAsync() => await _influx.DisposeAsync();

    [Fact]
    public async Task Detail_ShowsDevicesInterfacesUpsSelfCheckAndEvents_AsTheAgentLastSaidThem()
    {
        await using var host = await SitesHost.StartAsync(_influx.Url);
        using var viewer = await host.UserAsync("noc", "viewer");
        await using var live = await LiveReader.OpenAsync(host.Address, viewer.Cookies);
        using var agent = await host.ConnectAsync(SitesHost.SiteId, CollectorHost.Token);
        var t = DateTimeOffset.UtcNow.AddMinutes(-1);
        Point[] points =
        [
            Device("router", t, reachable: true, responseMs: 3.2, uptime: 86_400),
            Device("switch", t, reachable: true, responseMs: 1.5, uptime: 3_600),
            Device("ups", t, reachable: true, responseMs: 8.0, uptime: 1_200),
            Make("interface", t, [("device", "router"), ("if_index", "10"), ("if_name", "ge-0/0/10")],
                ("admin_status", I(1)), ("oper_status", I(1)), ("in_bps", D(1000)), ("out_bps", D(2000))),
            Make("interface", t, [("device", "router"), ("if_index", "2"), ("if_name", "ge-0/0/1")],
                ("admin_status", I(1)), ("oper_status", I(2)), ("in_bps", D(1_250_000)), ("out_bps", D(300_000)),
                ("speed_bps", U(100_000_000)), ("in_errors", U(0)), ("out_errors", U(7)), ("if_alias", S("WAN VNPT"))),
            Make("ups", t, [("device", "ups")], ("on_battery", I(0)), ("battery_percent", I(100)), ("runtime_min", I(42)),
                ("output_load_percent", I(31))),
            Make("selfcheck", t, [("check", "gateway")], ("status", I(0)), ("message", S("Cổng mạng (gateway) trả lời.")),
                ("message_en", S("The gateway answers.")), ("hint", S("")), ("hint_en", S(""))),
            Make("selfcheck", t, [("check", "dns")], ("status", I(2)), ("message", S("Không phân giải được tên miền.")),
                ("message_en", S("Names do not resolve.")), ("hint", S("Kiểm tra DNS.")), ("hint_en", S("Check DNS."))),
            Make("agent", t, [], ("version", S("0.4.0-test")), ("clock_offset_ms", D(12.5))),
        ];
        Event[] events =
        [
            Event("router", "link_down", t.AddSeconds(-30), "ge-0/0/1 down", "2"),
            Event("switch", "reboot", t.AddSeconds(-60), "sysUpTime went back"),
        ];
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(Batch(agent.BootId, 1, points, events))).KindCase);

        // A backlog batch with older readings changes nothing; a newer poll without if_alias keeps the alias.
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(Batch(agent.BootId, 2,
        [
            Make("interface", t.AddMinutes(-10), [("device", "router"), ("if_index", "2"), ("if_name", "old-name")],
                ("admin_status", I(1)), ("oper_status", I(1)), ("if_alias", S("old alias"))),
            Device("router", t.AddMinutes(-10), reachable: false),
        ], backfill: true))).KindCase);
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(Batch(agent.BootId, 3,
        [
            Make("interface", t.AddSeconds(1), [("device", "router"), ("if_index", "2"), ("if_name", "ge-0/0/1")],
                ("admin_status", I(1)), ("oper_status", I(2)), ("in_bps", D(1_250_000)), ("out_bps", D(300_000)), ("speed_bps", U(100_000_000))),
        ]))).KindCase);

        // The alert engine opens link_down (pending in its hold-down): counted as active.
        await Poll.UntilAsync(async () => (await viewer.GetAsync("/api/sites/" + SitesHost.SiteId)).Json.GetProperty("active_alerts").GetInt32() > 0,
            Deadline, "the link_down alert counted");
        var answer = await viewer.GetAsync("/api/sites/" + SitesHost.SiteId);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var site = answer.Json;
        Assert.Equal("Xã Chiềng Cơi", site.GetProperty("name").GetString());
        Assert.Equal("Thành phố Sơn La", site.GetProperty("district").GetString());
        Assert.Equal("degraded", site.GetProperty("status").GetString());
        Assert.True(site.GetProperty("connected").GetBoolean());
        Assert.Equal("down", site.GetProperty("uplink").GetString());

        var agentView = site.GetProperty("agent");
        Assert.Equal("0.4.0-test", agentView.GetProperty("version").GetString());
        Assert.Equal(agent.BootId, agentView.GetProperty("boot_id").GetString());
        Assert.NotEqual(JsonValueKind.Null, agentView.GetProperty("connected_since").ValueKind);
        Assert.Equal(12.5, agentView.GetProperty("clock_offset_ms").GetDouble());

        var devices = site.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(["router", "switch", "ups"], devices.Select(d => d.GetProperty("name").GetString()!));
        var router = devices[0];
        Assert.Equal("uplink", router.GetProperty("role").GetString());
        Assert.True(router.GetProperty("reachable").GetBoolean());
        Assert.Equal(3.2, router.GetProperty("response_ms").GetDouble());
        Assert.Equal(86_400, router.GetProperty("uptime_s").GetInt64());
        Assert.Equal(t.ToUnixTimeMilliseconds(), router.GetProperty("updated_at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(JsonValueKind.Null, router.GetProperty("ups").ValueKind);

        var interfaces = router.GetProperty("interfaces").EnumerateArray().ToList();
        Assert.Equal(["2", "10"], interfaces.Select(i => i.GetProperty("if_index").GetString()!));
        var wan = interfaces[0];
        Assert.Equal("ge-0/0/1", wan.GetProperty("name").GetString());
        Assert.Equal("WAN VNPT", wan.GetProperty("alias").GetString());
        Assert.Equal("up", wan.GetProperty("admin_status").GetString());
        Assert.Equal("down", wan.GetProperty("oper_status").GetString());
        Assert.Equal(1_250_000, wan.GetProperty("in_bps").GetDouble());
        Assert.Equal(300_000, wan.GetProperty("out_bps").GetDouble());
        Assert.Equal(100_000_000, wan.GetProperty("speed_bps").GetInt64());
        Assert.Equal(1.25, wan.GetProperty("utilization_percent").GetDouble());
        Assert.Equal(0, wan.GetProperty("in_errors").GetInt64());
        Assert.Equal(7, wan.GetProperty("out_errors").GetInt64());
        Assert.Equal(t.AddSeconds(1).ToUnixTimeMilliseconds(), wan.GetProperty("updated_at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var lan = interfaces[1];
        Assert.Equal(JsonValueKind.Null, lan.GetProperty("utilization_percent").ValueKind);
        Assert.Equal(JsonValueKind.Null, lan.GetProperty("alias").ValueKind);

        var ups = devices[2].GetProperty("ups");
        Assert.False(ups.GetProperty("on_battery").GetBoolean());
        Assert.Equal(100, ups.GetProperty("battery_percent").GetDouble());
        Assert.Equal(42, ups.GetProperty("runtime_min").GetDouble());
        Assert.Equal(31, ups.GetProperty("output_load_percent").GetDouble());
        Assert.Empty(devices[2].GetProperty("interfaces").EnumerateArray());

        var selfcheck = site.GetProperty("selfcheck");
        Assert.Equal("fail", selfcheck.GetProperty("status").GetString());
        Assert.Equal(t.ToUnixTimeMilliseconds(), selfcheck.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var checks = selfcheck.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["gateway", "dns"], checks.Select(c => c.GetProperty("id").GetString()!));
        Assert.Equal("ok", checks[0].GetProperty("status").GetString());
        Assert.Equal("Cổng mạng (gateway) trả lời.", checks[0].GetProperty("message").GetString());
        Assert.Equal("fail", checks[1].GetProperty("status").GetString());
        Assert.Equal("Names do not resolve.", checks[1].GetProperty("message_en").GetString());

        var recent = site.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["link_down", "reboot"], recent.Select(e => e.GetProperty("kind").GetString()!));
        Assert.Equal("router", recent[0].GetProperty("device").GetString());
        Assert.Equal("ge-0/0/1 down", recent[0].GetProperty("message").GetString());

        // The list shows the same summary; live clients heard of the alert.
        var summary = SitePresenceTests.Find((await viewer.GetAsync("/api/sites")).Json, SitesHost.SiteId);
        foreach (var name in new[] { "status", "uplink" })
        {
            Assert.Equal(site.GetProperty(name).GetString(), summary.GetProperty(name).GetString());
        }

        Assert.Equal(site.GetProperty("active_alerts").GetInt32(), summary.GetProperty("active_alerts").GetInt32());
        await live.NextAsync("alerts", a => a.GetProperty("site").GetString() == SitesHost.SiteId, Deadline);
    }

    [Fact]
    public async Task DeviceUnreachable_TurnsOkToDegraded_AndReachableAgainToOk()
    {
        // Without alert rules: the device's own state is what makes the site degraded here.
        await using var host = await SitesHost.StartAsync(_influx.Url, extraArgs: "--Alerts:Rules:device_unreachable:Enabled=false");
        using var viewer = await host.UserAsync("noc", "viewer");
        using var agent = await host.ConnectAsync(SitesHost.SiteId, CollectorHost.Token);
        var t = DateTimeOffset.UtcNow.AddMinutes(-1);
        await agent.SendBatchAsync(Batch(agent.BootId, 1,
            [Device("router", t, true, 3), Device("switch", t, true, 2), Device("ups", t, true, 5)]));
        await SitePresenceTests.UntilStatusAsync(viewer, SitesHost.SiteId, "ok");
        Assert.Equal("up", (await SitePresenceTests.SiteAsync(viewer, SitesHost.SiteId)).GetProperty("uplink").GetString());

        await agent.SendBatchAsync(Batch(agent.BootId, 2, [Device("switch", t.AddSeconds(30), false)]));
        await SitePresenceTests.UntilStatusAsync(viewer, SitesHost.SiteId, "degraded");
        var detail = (await viewer.GetAsync("/api/sites/" + SitesHost.SiteId)).Json;
        var device = detail.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "switch");
        Assert.False(device.GetProperty("reachable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, device.GetProperty("response_ms").ValueKind);
        Assert.Equal(0, detail.GetProperty("active_alerts").GetInt32());

        await agent.SendBatchAsync(Batch(agent.BootId, 3, [], [Event("switch", "reachable", t.AddSeconds(60), "answering again")]));
        await SitePresenceTests.UntilStatusAsync(viewer, SitesHost.SiteId, "ok");
    }
}

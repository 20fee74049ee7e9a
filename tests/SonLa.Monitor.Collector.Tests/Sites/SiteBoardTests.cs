using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Sites;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>The board's bookkeeping on its own, with a fake clock: events, self-check runs, live announcements, alerts.</summary>
public sealed class SiteBoardTests : IDisposable
{
    private const string Site = "chieng-coi";
    private readonly TempDirectory _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
    private readonly FakeAlerts _alerts = new();
    private readonly SiteBoard _board;
    private readonly SiteLiveHub _hub = new(NullLogger<SiteLiveHub>.Instance);

    public SiteBoardTests()
    {
        var access = new AccessOptions();
        access.Sites.Add(new SiteOptions { Id = Site, Name = "Xã Chiềng Cơi", District = "Thuận Châu" });
        access.Agents.Add(new AgentOptions { SiteId = Site });
        _board = new SiteBoard(Options.Create(access), Options.Create(new IngestOptions { HeartbeatIntervalSeconds = 30 }),
            new SiteLastSeenStore(new StateDatabase(_state.File("state.db"))), _time, _alerts, NullLogger<SiteBoard>.Instance);
    }

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Events_KeepTheTwentyNewest_NewestFirst_AndAResentEventOnce()
    {
        _board.OnConnected(Site, new Hello { SiteId = Site }, _time.GetUtcNow());
        var start = _time.GetUtcNow().AddHours(-1);
        for (var i = 0; i < 25; i++)
        {
            // Out of order, as a backlog and live data interleave; every batch twice, as after a lost ack.
            var at = start.AddMinutes(i * 7 % 25);
            var batch = Stored(false, Event(at, "link_down", "message " + i));
            _board.OnBatchStored(batch);
            _board.OnBatchStored(batch);
        }

        var events = _board.Detail(Site)!.Events;
        Assert.Equal(20, events.Count);
        Assert.Equal(start.AddMinutes(24), events[0].Time);
        Assert.Equal(start.AddMinutes(5), events[^1].Time);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Time > p.Second.Time));
    }

    [Fact]
    public void SelfCheck_IsTheNewestRun_OlderRunsDoNotMix()
    {
        _board.OnConnected(Site, new Hello { SiteId = Site }, _time.GetUtcNow());
        var first = _time.GetUtcNow().AddMinutes(-10);
        _board.OnBatchStored(Stored(false, Check(first, "gateway", 0), Check(first, "dns", 2)));
        Assert.Equal(SiteStatus.Degraded, _board.Detail(Site)!.Status);

        var second = first.AddMinutes(5);
        _board.OnBatchStored(Stored(false, Check(second, "gateway", 0)));
        _board.OnBatchStored(Stored(false, Check(second, "dns", 1)));
        _board.OnBatchStored(Stored(true, Check(first, "disk", 2)));

        var selfcheck = _board.Detail(Site)!.Selfcheck!;
        Assert.Equal(second, selfcheck.At);
        Assert.Equal("warn", selfcheck.Status);
        Assert.Equal(["gateway", "dns"], selfcheck.Checks.Select(c => c.Id));
        Assert.Equal(SiteStatus.Ok, _board.Detail(Site)!.Status);
    }

    [Fact]
    public void Live_AnnouncesAChange_AtMostOncePerTick_AndNotWhenNothingChanged()
    {
        using var subscription = _hub.Subscribe(null);
        Assert.Equal(0, _board.PublishChanges(_hub, announce: false));

        // Connected, then gone, then back within one tick: one announcement of where it ended.
        _board.OnConnected(Site, new Hello { SiteId = Site }, _time.GetUtcNow());
        _board.OnDisconnected(Site, _time.GetUtcNow());
        _board.OnConnected(Site, new Hello { SiteId = Site }, _time.GetUtcNow());
        Assert.Equal(1, _board.PublishChanges(_hub, announce: true));
        Assert.Equal(0, _board.PublishChanges(_hub, announce: true));

        // Heartbeats move last_seen only: nothing to announce.
        _time.Advance(TimeSpan.FromSeconds(30));
        _board.OnActivity(Site, _time.GetUtcNow());
        Assert.Equal(0, _board.PublishChanges(_hub, announce: true));

        // Silent for three heartbeat intervals: down, announced by the tick.
        _time.Advance(TimeSpan.FromSeconds(91));
        Assert.Equal(1, _board.PublishChanges(_hub, announce: true));
        Assert.True(subscription.Frames.TryRead(out var ok));
        Assert.True(subscription.Frames.TryRead(out var down));
        Assert.Contains("\"status\":\"ok\"", System.Text.Encoding.UTF8.GetString(ok), StringComparison.Ordinal);
        Assert.Contains("\"status\":\"down\"", System.Text.Encoding.UTF8.GetString(down), StringComparison.Ordinal);
        Assert.StartsWith("event: site\ndata: {", System.Text.Encoding.UTF8.GetString(down), StringComparison.Ordinal);
    }

    [Fact]
    public void OpenAlerts_MakeTheSiteDegraded_AndAFiringSiteOffline_Down()
    {
        _board.OnConnected(Site, new Hello { SiteId = Site }, _time.GetUtcNow());
        Assert.Equal(SiteStatus.Ok, _board.Detail(Site)!.Status);

        _alerts.Counts = new SiteAlertCounts(1, 0, false);
        Assert.Equal((SiteStatus.Degraded, 1), (_board.Detail(Site)!.Status, _board.Detail(Site)!.ActiveAlerts));

        _alerts.Counts = new SiteAlertCounts(0, 2, true);
        var list = _board.List(null);
        Assert.Equal((SiteStatus.Down, 2), (list.Sites[0].Status, list.Sites[0].ActiveAlerts));
        Assert.Equal(new SiteCounts(0, 0, 1, 0), list.Counts);
    }

    [Fact]
    public void Uplink_IsTheRouterWithoutAnUplinkRole_DownWhenAnAdminUpInterfaceIsDown()
    {
        var hello = new Hello { SiteId = Site, Devices = { new DeviceInfo { Name = "core-router" }, new DeviceInfo { Name = "ap" } } };
        _board.OnConnected(Site, hello, _time.GetUtcNow());
        Assert.Equal(SiteStatus.UplinkUnknown, _board.Detail(Site)!.Uplink);

        var at = _time.GetUtcNow().AddSeconds(-5);
        _board.OnBatchStored(Stored(false, Port(at, "core-router", "1", admin: 1, oper: 1), Port(at, "core-router", "3", admin: 2, oper: 2)));
        Assert.Equal(SiteStatus.UplinkUp, _board.Detail(Site)!.Uplink);

        _board.OnBatchStored(Stored(false, Port(at.AddSeconds(1), "core-router", "1", admin: 1, oper: 7)));
        var detail = _board.Detail(Site)!;
        Assert.Equal((SiteStatus.UplinkDown, SiteStatus.Degraded), (detail.Uplink, detail.Status));
        Assert.Equal("lowerLayerDown", detail.Devices[0].Interfaces[0].OperStatus);
    }

    private IngestedBatch Stored(bool backfill, params LinePoint[] points) =>
        new(Site, "boot", 1, [], backfill, points, _time.GetUtcNow());

    private static long Ns(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;

    private static LinePoint Event(DateTimeOffset at, string kind, string message) =>
        new("event", [new("site", Site), new("device", "router"), new("kind", kind), new("if_index", "2")],
            [new("message", LineValue.FromString(message))], Ns(at));

    private static LinePoint Check(DateTimeOffset at, string check, int status) =>
        new("selfcheck", [new("site", Site), new("check", check)],
            [new("status", LineValue.FromInteger(status)), new("message", LineValue.FromString(check + " " + status))], Ns(at));

    private static LinePoint Port(DateTimeOffset at, string device, string ifIndex, int admin, int oper) =>
        new("interface", [new("site", Site), new("device", device), new("if_index", ifIndex), new("if_name", "eth" + ifIndex)],
            [new("admin_status", LineValue.FromInteger(admin)), new("oper_status", LineValue.FromInteger(oper))], Ns(at));

    private sealed class FakeAlerts : IAlertSummary
    {
        public SiteAlertCounts Counts { get; set; }

        public event Action<string>? Changed;

        public SiteAlertCounts For(string siteId) => Counts;

        public void Raise(string siteId) => Changed?.Invoke(siteId);
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using static SonLa.Monitor.Collector.Tests.Alerts.Outages.OutagePoints;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class OutageRecorderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(At(14, 0));
    private readonly RecordingDispatcher _dispatcher = new();
    private readonly OutageOptions _options = new() { BackfillQuietSeconds = 20, BackfillMaxWaitSeconds = 600 };

    public void Dispose() => _directory.Dispose();

    private OutageRecorder Recorder()
    {
        var access = new AccessOptions();
        access.Sites.Add(new SiteOptions { Id = Site, Name = "Xã Chiềng Cơi", District = "Thành phố Sơn La" });
        for (var i = 2; i <= 75; i++)
        {
            access.Sites.Add(new SiteOptions { Id = $"site-{i}", Name = $"Xã {i}", District = i % 2 == 0 ? "Thuận Châu" : "Mai Sơn" });
        }

        var recorder = new OutageRecorder(new OutageStore(new StateDatabase(_directory.File("state.db"))), _dispatcher,
            Options.Create(_options), Options.Create(access), _time);
        var hello = new Hello { SiteId = Site, BootId = "boot-1", SiteName = "Xã Chiềng Cơi" };
        hello.Devices.Add(new DeviceInfo { Name = "router", Role = "uplink", Host = "192.0.2.1" });
        hello.Devices.Add(new DeviceInfo { Name = "ups", Role = "ups", Host = "192.0.2.3" });
        recorder.OnConnected(Site, hello, _time.GetUtcNow());
        return recorder;
    }

    private void Advance(DateTimeOffset to) => _time.SetUtcNow(to);

    /// <summary>Live until 14:35, dark until 15:10, back with a backlog of UPS on battery at 14:40 and the uplink down at 14:45.</summary>
    private OutageRecorder DarkAndBack()
    {
        var recorder = Recorder();
        recorder.OnBatchStored(Batch([Ups(At(14, 34), 0), Interface(At(14, 34), 1), Agent(At(14, 34))], backfill: false, sequence: 10));
        Advance(At(14, 38));
        recorder.SiteWentDark(Site, At(14, 35));
        Advance(At(15, 10));
        recorder.SiteCameBack(Site, At(15, 10), "router");
        recorder.OnBatchStored(Batch([Ups(At(14, 40), 1), Agent(At(14, 40))], sequence: 11));
        Advance(At(15, 10, 5));
        recorder.OnBatchStored(Batch([Interface(At(14, 45), 2), Event(At(14, 45, 10), "link_down", "router", "2", "went down")], sequence: 12));
        return recorder;
    }

    [Fact]
    public void SiteBackWithBacklog_OneSiteBackNotificationOnceTheBacklogIsQuiet()
    {
        var recorder = DarkAndBack();

        Advance(At(15, 10, 20));
        Assert.Empty(recorder.Tick(_time.GetUtcNow()));
        recorder.OnBatchStored(Batch([Ups(At(14, 40), 1)], sequence: 11)); // resent: no news
        Advance(At(15, 10, 25));
        var sent = recorder.Tick(_time.GetUtcNow());
        Advance(At(15, 20));
        recorder.Tick(_time.GetUtcNow());

        var notification = Assert.Single(_dispatcher.Sent);
        Assert.Same(notification, Assert.Single(sent));
        Assert.Equal(NotificationKind.SiteBack, notification.Kind);
        Assert.Equal("Xã Chiềng Cơi: có kết nối trở lại lúc 15:10 sau 35 phút. Nguyên nhân: mất điện. Diễn biến: 14:40 mất điện (UPS chạy pin) · "
            + "14:45 đường truyền mất (router ge-0/0/1) · 14:46 không có dữ liệu đến 15:10", notification.TextVi);
        Assert.Equal("went down", TimelineJson.Read(notification.Details["timeline"])[1].Message);
        var stored = Assert.Single(new OutageStore(new StateDatabase(_directory.File("state.db"))).ForSite(Site, At(0, 0), At(23, 0)));
        Assert.Equal((OutageClass.Power, true), (stored.Class, stored.Closed));
    }

    [Fact]
    public void CalledTwice_StillOneOutageAndOneMessage()
    {
        var recorder = DarkAndBack();
        recorder.SiteWentDark(Site, At(14, 36));
        recorder.SiteCameBack(Site, At(15, 11), "router");

        Advance(At(15, 12));
        recorder.Tick(_time.GetUtcNow());
        recorder.SiteCameBack(Site, At(15, 13), "router");
        Advance(At(15, 14));
        recorder.Tick(_time.GetUtcNow());

        Assert.Single(_dispatcher.Sent);
    }

    [Fact]
    public void MaintenanceWindow_RecordedButNotSent()
    {
        var recorder = Recorder();
        recorder.SiteWentDark(Site, At(14, 35));
        recorder.SiteCameBack(Site, At(15, 10), "router", silenced: true);
        Advance(At(15, 11));
        recorder.Tick(_time.GetUtcNow());

        Assert.Empty(_dispatcher.Sent);
        Assert.Equal(OutageClass.Blind, Assert.Single(new OutageStore(new StateDatabase(_directory.File("state.db"))).ForSite(Site, At(0, 0), At(23, 0))).Class);
    }

    [Fact]
    public void BacklogNeverQuiet_SentAtTheLatestAndSaidIncomplete()
    {
        var recorder = Recorder();
        recorder.SiteWentDark(Site, At(14, 35));
        recorder.SiteCameBack(Site, At(15, 10), "router");
        for (var s = 0; s < 600; s += 10)
        {
            Advance(At(15, 10).AddSeconds(s));
            recorder.OnBatchStored(Batch([Agent(At(14, 36).AddSeconds(s))], sequence: (ulong)s + 1));
            recorder.Tick(_time.GetUtcNow());
        }

        Assert.Empty(_dispatcher.Sent);
        Advance(At(15, 20));
        recorder.Tick(_time.GetUtcNow());

        Assert.Contains("(dữ liệu tồn đọng chưa về đủ, diễn biến có thể thiếu)", Assert.Single(_dispatcher.Sent).TextVi, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectorRestartWhileDark_TheNewRecorderFinishesTheOutage()
    {
        var recorder = Recorder();
        recorder.SiteWentDark(Site, At(14, 35));

        var restarted = Recorder();
        Assert.Equal(At(14, 35), Assert.Single(restarted.ActiveOutages).Since);
        restarted.SiteCameBack(Site, At(15, 10), "router");
        restarted.OnBatchStored(Batch(Alive(At(14, 36), At(15, 9))));
        Advance(At(15, 11));
        restarted.Tick(_time.GetUtcNow());

        Assert.Contains("Nguyên nhân: mất đường truyền (WAN)", Assert.Single(_dispatcher.Sent).TextVi, StringComparison.Ordinal);
    }

    [Fact]
    public void ManySitesDark_OneRollupThenDebounced()
    {
        var recorder = Recorder();
        for (var i = 2; i <= 13; i++)
        {
            recorder.SiteWentDark($"site-{i}", At(14, 35));
        }

        Advance(At(14, 36));
        recorder.Tick(_time.GetUtcNow());
        recorder.SiteWentDark(Site, At(14, 36));
        Advance(At(14, 37));
        recorder.Tick(_time.GetUtcNow());

        var rollup = Assert.Single(_dispatcher.Sent);
        Assert.Equal(NotificationKind.Rollup, rollup.Kind);
        Assert.StartsWith("12/75 xã mất kết nối: 12 chưa rõ nguyên nhân. Theo huyện: Mai Sơn 6, Thuận Châu 6.", rollup.TextVi, StringComparison.Ordinal);

        // A restarted collector remembers the last roll-up: no repeat.
        Recorder().Tick(_time.GetUtcNow());
        Assert.Single(_dispatcher.Sent);
    }

    [Fact]
    public void Availability_OfTheRecordedOutage()
    {
        var recorder = DarkAndBack();
        Advance(At(15, 11));
        recorder.Tick(_time.GetUtcNow());

        var availability = recorder.Availability(Site, At(14, 0), At(16, 0));

        Assert.Equal(TimeSpan.FromMinutes(35), availability.Down + availability.Blind);
        Assert.True(availability.Blind > TimeSpan.Zero);
        Assert.Equal(availability.Down, availability.DownByClass[OutageClass.Power]);
    }
}

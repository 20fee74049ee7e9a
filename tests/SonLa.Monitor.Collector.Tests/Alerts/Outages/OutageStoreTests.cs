using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Testing;
using static SonLa.Monitor.Collector.Tests.Alerts.Outages.OutagePoints;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class OutageStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private OutageStore Store() => new(new StateDatabase(_directory.File("state.db")));

    [Fact]
    public void OpenTwice_OneOutageAndItSurvivesReopening()
    {
        var first = Store().OpenOrGet(Site, At(14, 35), "Xã Chiềng Cơi", "Thuận Châu");
        var second = Store().OpenOrGet(Site, At(14, 36), null, null);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(At(14, 35), second.Start);
        var unclosed = Assert.Single(Store().Unclosed());
        Assert.Equal((first.Id, "Xã Chiềng Cơi", false), (unclosed.Outage.Id, unclosed.Outage.SiteName, unclosed.Outage.Closed));
    }

    [Fact]
    public void Closed_ClassTimelineAndBlindTimeReadBack()
    {
        var store = Store();
        var open = store.OpenOrGet(Site, At(14, 35), null, null);
        store.MarkBack(open.Id, At(15, 10), "router", silenced: false);
        var timeline = new[] { new TimelineEntry(At(14, 2).ToUniversalTime(), TimelineEntryKind.PowerLost, "ups", null, "UPS on battery") };

        Assert.True(store.Close(open with { End = At(15, 10), Class = OutageClass.Power, Blind = TimeSpan.FromMinutes(5), Timeline = timeline, CauseDevice = "ups" }));
        Assert.False(store.Close(open with { End = At(15, 10), Class = OutageClass.Wan }));

        var read = Assert.Single(Store().ForSite(Site, At(0, 0), At(23, 0)));
        Assert.Equal((OutageClass.Power, TimeSpan.FromMinutes(5), "ups", true, At(15, 10)), (read.Class, read.Blind, read.CauseDevice, read.Closed, read.End));
        Assert.Equal(timeline, read.Timeline);
        Assert.Empty(Store().Unclosed());
    }

    [Fact]
    public void Availability_BlindTimeKeptApartFromDownTime()
    {
        var store = Store();
        var wan = store.OpenOrGet(Site, At(10, 0), null, null);
        store.Close(wan with { End = At(11, 0), Class = OutageClass.Wan, Blind = TimeSpan.FromMinutes(15) });
        var blind = store.OpenOrGet(Site, At(12, 0), null, null);
        store.Close(blind with { End = At(12, 30), Class = OutageClass.Blind, Blind = TimeSpan.FromMinutes(30) });
        store.OpenOrGet(Site, At(13, 50), null, null);

        var availability = store.Availability(Site, At(9, 0), At(14, 0), now: At(14, 0));

        Assert.Equal(TimeSpan.FromMinutes(45), availability.Down);
        Assert.Equal(TimeSpan.FromMinutes(15 + 30 + 10), availability.Blind);
        Assert.Equal(TimeSpan.FromMinutes(300 - 45 - 55), availability.Up);
        Assert.Equal(TimeSpan.FromMinutes(45), availability.DownByClass[OutageClass.Wan]);
        Assert.Equal(3, availability.Outages);
        Assert.Equal(200.0 / 245.0, availability.Availability!.Value, 6);
    }

    [Fact]
    public void AvailabilityOfAPeriodCuttingAnOutage_OnlyTheOverlapCounts()
    {
        var store = Store();
        var outage = store.OpenOrGet(Site, At(10, 0), null, null);
        store.Close(outage with { End = At(12, 0), Class = OutageClass.Power });

        var availability = store.Availability(Site, At(11, 0), At(13, 0), now: At(13, 0));

        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.Zero), (availability.Up, availability.Down, availability.Blind));
    }

    [Fact]
    public void Rollup_LastOneRemembered()
    {
        Assert.Null(Store().LastRollup());
        Store().SaveRollup(12, At(14, 40), "12/75 xã mất WAN");
        Store().SaveRollup(15, At(14, 50), "15/75 xã mất WAN");

        Assert.Equal((15, At(14, 50), "15/75 xã mất WAN"), Store().LastRollup()!.Value);
    }
}

using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Storage;
using static SonLa.Monitor.Collector.Tests.Alerts.Outages.OutagePoints;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class OutageTimelineBuilderTests
{
    private static readonly OutageOptions Options = new();
    private readonly OutageTimelineBuilder _builder = new(Options);

    private static SiteLiveState LiveBefore(DateTimeOffset t, int onBattery = 0, int oper = 1)
    {
        var live = new SiteLiveState();
        live.Observe(Batch([Ups(t, onBattery), Interface(t, oper), Device(t, 1), Agent(t)], backfill: false, bootId: "boot-1"), 300_000_000_000);
        return live;
    }

    private static OutageEvidence Evidence(DateTimeOffset start, params IEnumerable<LinePoint>[] batches)
    {
        var evidence = new OutageEvidence(Ns(start) - 300_000_000_000);
        ulong sequence = 0;
        foreach (var points in batches)
        {
            evidence.Add(Batch(points, sequence: ++sequence));
        }

        return evidence;
    }

    [Fact]
    public void PowerThenUplinkDown_SortedEntriesClassPower()
    {
        var (start, end) = (At(14, 1), At(15, 10));
        var evidence = Evidence(start,
            [Interface(At(14, 35), 2), Event(At(14, 35, 5), "link_down", "router", "2", "interface 2 (ge-0/0/1) went down (linkDown trap)")],
            [Ups(At(14, 2), 1), Event(At(14, 2, 10), "power_lost", "ups", message: "UPS on battery")],
            Alive(At(14, 2), At(14, 34)));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(14, 0)), UplinkDevice = "router" });

        Assert.Equal(OutageClass.Power, timeline.Class);
        Assert.Equal("ups", timeline.CauseDevice);
        Assert.Collection(timeline.Entries,
            e => Assert.Equal((At(14, 2), TimelineEntryKind.PowerLost, "ups", "UPS on battery"), (e.At, e.Kind, e.Device, e.Message)),
            e => Assert.Equal((At(14, 35), TimelineEntryKind.UplinkDown, "router", "ge-0/0/1"), (e.At, e.Kind, e.Device, e.Interface)),
            e => Assert.Equal(TimelineEntryKind.NoData, e.Kind));
    }

    [Fact]
    public void TrapAndPollWithinAMinute_OneEntryWithTheTrapMessage()
    {
        var (start, end) = (At(14, 30), At(15, 0));
        var evidence = Evidence(start, [Event(At(14, 35, 5), "link_down", "router", "2", "went down (linkDown trap)"), Interface(At(14, 35, 50), 2)],
            Alive(At(14, 30), At(15, 0)));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(14, 29)), UplinkDevice = "router" });

        var entry = Assert.Single(timeline.Entries);
        Assert.Equal((At(14, 35, 5), TimelineEntryKind.UplinkDown, "ge-0/0/1", "went down (linkDown trap)"), (entry.At, entry.Kind, entry.Interface, entry.Message));
        Assert.Equal(OutageClass.Wan, timeline.Class);
    }

    [Fact]
    public void AgentMeasuringThroughout_WanWithoutBlindTime()
    {
        var (start, end) = (At(10, 0), At(11, 0));
        var evidence = Evidence(start, Alive(At(10, 0), At(11, 0)));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(9, 59)), UplinkDevice = "router" });

        Assert.Equal(OutageClass.Wan, timeline.Class);
        Assert.Equal(TimeSpan.Zero, timeline.Blind);
        Assert.Empty(timeline.Entries);
    }

    [Fact]
    public void NoDataAtAll_BlindForTheWholeOutage()
    {
        var (start, end) = (At(10, 0), At(11, 0));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, Evidence(start)) { Before = LiveBefore(At(9, 59)), UplinkDevice = "router" });

        Assert.Equal(OutageClass.Blind, timeline.Class);
        Assert.Equal(TimeSpan.FromHours(1), timeline.Blind);
        var gap = Assert.Single(timeline.Entries);
        Assert.Equal((TimelineEntryKind.NoData, start, end), (gap.Kind, gap.At, gap.Until));
    }

    [Fact]
    public void UplinkRouterUnreachable_Device()
    {
        var (start, end) = (At(10, 0), At(10, 30));
        var evidence = Evidence(start, [Device(At(10, 1), 0), Agent(At(10, 1)), Event(At(10, 1, 20), "unreachable", "router", message: "no answer")],
            [.. Enumerable.Range(2, 28).Select(m => Agent(At(10, m)))]);

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(9, 59)), UplinkDevice = "router" });

        Assert.Equal(OutageClass.Device, timeline.Class);
        Assert.Equal("router", timeline.CauseDevice);
        var entry = Assert.Single(timeline.Entries);
        Assert.Equal((TimelineEntryKind.DeviceUnreachable, At(10, 1)), (entry.Kind, entry.At));
    }

    [Fact]
    public void UpsOnBatteryBeforeTheSilence_PowerFromTheLastLiveData()
    {
        var live = new SiteLiveState();
        live.Observe(Batch([Ups(At(14, 0), 0)], backfill: false), 300_000_000_000);
        live.Observe(Batch([Ups(At(14, 2), 1)], backfill: false, sequence: 2), 300_000_000_000);
        live.Observe(Batch([Ups(At(14, 30), 1)], backfill: false, sequence: 3), 300_000_000_000);

        var timeline = _builder.Build(new OutageTimelineInput(Site, At(14, 35), At(15, 10), Evidence(At(14, 35))) { Before = live });

        Assert.Equal(OutageClass.Power, timeline.Class);
        var entry = Assert.Single(timeline.Entries, e => e.Kind == TimelineEntryKind.PowerLost);
        Assert.Equal(At(14, 2), entry.At);
    }

    [Fact]
    public void NewBootInTheBacklog_AgentRestartedAndTheGapShown()
    {
        var (start, end) = (At(10, 0), At(11, 0));
        var evidence = new OutageEvidence(Ns(start));
        evidence.Add(Batch(Alive(At(10, 0), At(10, 10)), bootId: "boot-1", sequence: 5));
        evidence.Add(Batch(Alive(At(10, 40), At(11, 0)), bootId: "boot-2", sequence: 1));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(9, 59)), UplinkDevice = "router" });

        Assert.Collection(timeline.Entries,
            e => Assert.Equal(TimelineEntryKind.NoData, e.Kind),
            e => Assert.Equal((TimelineEntryKind.AgentRestarted, At(10, 40)), (e.Kind, e.At)));
        Assert.Equal(OutageClass.Wan, timeline.Class);
        Assert.InRange(timeline.Blind, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void BacklogInAnyOrderOrResent_SameTimeline()
    {
        var (start, end) = (At(14, 1), At(15, 10));
        LinePoint[][] batches =
        [
            [Ups(At(14, 2), 1), Agent(At(14, 2))], [Interface(At(14, 35), 2), Agent(At(14, 35))], [Ups(At(14, 50), 0), Interface(At(14, 50), 1)],
            [Event(At(14, 51), "reboot", "router", message: "sysUpTime went back")], [Event(At(14, 52), "data_lost", "agent", message: "quota")],
        ];
        var ordered = new OutageEvidence(Ns(start));
        for (var i = 0; i < batches.Length; i++)
        {
            ordered.Add(Batch(batches[i], sequence: (ulong)i + 1));
        }

        var shuffled = new OutageEvidence(Ns(start));
        foreach (var i in new[] { 4, 2, 0, 3, 1, 2, 4 })
        {
            shuffled.Add(Batch(batches[i], sequence: (ulong)i + 1));
        }

        var input = new OutageTimelineInput(Site, start, end, ordered) { Before = LiveBefore(At(14, 0)), UplinkDevice = "router" };
        var a = _builder.Build(input);
        var b = _builder.Build(input with { Evidence = shuffled });

        Assert.Equal(a.Entries, b.Entries);
        Assert.Equal(5, shuffled.BatchCount);
        Assert.Equal(
            [TimelineEntryKind.PowerLost, TimelineEntryKind.UplinkDown, TimelineEntryKind.PowerRestored, TimelineEntryKind.UplinkUp,
             TimelineEntryKind.DeviceRebooted, TimelineEntryKind.DataLost],
            a.Entries.Where(e => e.Kind != TimelineEntryKind.NoData).Select(e => e.Kind));
    }

    [Fact]
    public void AdminDownInterfaceOrAlreadyDownPort_NoEntry()
    {
        var (start, end) = (At(10, 0), At(10, 30));
        var evidence = Evidence(start, [Interface(At(10, 5), 2, ifIndex: "3", ifName: "lan3", admin: 2), Interface(At(10, 5), 2, ifIndex: "4", ifName: "lan4")],
            Alive(At(10, 0), At(10, 30)));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(9, 59)), UplinkDevice = "router" });

        Assert.Empty(timeline.Entries);
    }

    [Fact]
    public void SamplesBeyondTheBound_EventsKeptAndIncompleteSaid()
    {
        var start = At(10, 0);
        var evidence = new OutageEvidence(Ns(start), maxObservations: 1000);
        evidence.Add(Batch(Enumerable.Range(0, 1500).Select(i => Device(start.AddSeconds(i), 1)).Append(Event(At(10, 5), "reboot", "router"))));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, At(11, 0), evidence));

        Assert.True(timeline.Incomplete);
        Assert.Contains(timeline.Entries, e => e.Kind == TimelineEntryKind.DeviceRebooted);
    }

    [Fact]
    public void AgentStoppedAndRestartedJustBeforeReconnecting_BlindWithTheRestartNotWan()
    {
        var (start, end) = (At(10, 0), At(10, 0, 40));
        var evidence = new OutageEvidence(Ns(start) - 300_000_000_000);
        evidence.Add(Batch([Agent(At(10, 0, 2)), Device(At(10, 0, 2), 1)], bootId: "boot-1", sequence: 9));
        evidence.Add(Batch([Agent(At(10, 0, 38)), Device(At(10, 0, 38), 1)], bootId: "boot-2", sequence: 1));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence) { Before = LiveBefore(At(9, 59, 58)), UplinkDevice = "router" });

        Assert.Equal(OutageClass.Blind, timeline.Class);
        Assert.Equal((TimelineEntryKind.AgentRestarted, At(10, 0, 38)), (Assert.Single(timeline.Entries).Kind, timeline.Entries[0].At));
    }

    [Fact]
    public void AgentCameBackWithANewBootWhoseBacklogStartsAfterTheReturn_RestartAtTheReturn()
    {
        var (start, end) = (At(10, 0), At(10, 1));
        var evidence = new OutageEvidence(Ns(start) - 300_000_000_000);
        evidence.Add(Batch([Agent(At(10, 1, 1))], bootId: "boot-2", sequence: 1));

        var timeline = _builder.Build(new OutageTimelineInput(Site, start, end, evidence)
            { Before = LiveBefore(At(9, 59, 58)), UplinkDevice = "router", ReturnBootId = "boot-2" });

        var entry = Assert.Single(timeline.Entries, e => e.Kind == TimelineEntryKind.AgentRestarted);
        Assert.Equal(end, entry.At);
        Assert.Equal(OutageClass.Blind, timeline.Class);
    }
}

using System.Globalization;
using System.Text;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Snmpd;
using Xunit.Abstractions;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 4's chaos test, every peer real: snmpd devices → sonla-agent → a link the test controls (TcpProxy) →
/// sonla-collector → influxd. The agent polls every second while the collector is killed, InfluxDB stopped, the agent
/// killed (link up, then in the middle of a link outage) and the link silently cut; then every poll the agent made is
/// in InfluxDB exactly once, with its own timestamp.
/// <para>Ground truth is outside the system under test: each device's snmpd serves an hrSystemUptime that differs on
/// every GET and logs it (<see cref="UptimeMarker"/>); the agent stores it as uptime_s, so each poll is known by value.
/// Polls cut short by a kill of the agent are not "made": markers served within <see cref="InFlightMargin"/> plus the
/// poll budget before a kill are left out of the count (and reported).</para>
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    /// <summary>A whole poll (GET, then the IF-MIB walks) must end within this, or it is given up (unreachable).</summary>
    public static readonly TimeSpan PollBudget = TimeSpan.FromSeconds(3);

    /// <summary>Beyond the poll budget, for a loaded machine to hand a finished poll to the outbox.</summary>
    public static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task CollectorKilled_InfluxStopped_AgentKilled_LinkCut_EveryPollMadeIsStoredOnceWithItsOwnTimestamp()
    {
        using var markers = new TempDirectory("sonla-chaos");
        SimulatedInterface[] routerInterfaces =
        [
            new(1, "ge-0/0/0") { Alias = "Cáp quang VNPT", InOctets = 1_099_511_627_776_000, OutOctets = 4_294_967_295, SpeedBitsPerSecond = 1_000_000_000 },
            new(2, "lte0") { Alias = "4G dự phòng", InOctets = 123_456, OutOctets = 654_321, OperStatus = 2 },
        ];
        SimulatedInterface[] firewallInterfaces = [new(1, "port1") { InOctets = 42, OutOctets = 43 }];
        var logs = new Dictionary<string, string> { ["router"] = markers.File("router.markers"), ["firewall"] = markers.File("firewall.markers") };

        await using var router = await SnmpdServer.StartAsync(UptimeMarker.DeviceOptions("router", routerInterfaces, logs["router"]));
        await using var firewall = await SnmpdServer.StartAsync(UptimeMarker.DeviceOptions("firewall", firewallInterfaces, logs["firewall"]));
        await using var stack = await MonitoringStack.StartAsync();
        await using var link = TcpProxy.Start(new Uri(stack.CollectorGrpcUrl).Port);
        var timeline = new Timeline();
        var windows = new List<InFlightWindow>();
        var interfaces = new Dictionary<string, int> { ["router"] = routerInterfaces.Length, ["firewall"] = firewallInterfaces.Length };

        stack.StartAgent([Device("router", router), Device("firewall", firewall)], collectorUrl: $"http://{link.Address}");
        timeline.Mark("agent started (through the proxy)");
        await stack.WaitForRowsAsync($"SELECT count(reachable) FROM device WHERE site = '{MonitoringStack.SiteId}' GROUP BY device", rows => rows.Count == 2);
        timeline.Mark("points of both devices in InfluxDB");
        await Task.Delay(TimeSpan.FromSeconds(6));

        timeline.Mark("kill -9 collector");
        stack.KillCollector();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stack.RestartCollectorAsync();
        timeline.Mark("collector restarted on the same ports");
        await Task.Delay(TimeSpan.FromSeconds(5));

        stack.Influx.Stop();
        timeline.Mark("InfluxDB stopped");
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stack.Influx.StartAgainAsync();
        timeline.Mark("InfluxDB started again");
        await Task.Delay(TimeSpan.FromSeconds(5));

        windows.Add(KillAgent(stack, timeline, "kill -9 agent (link up)"));
        stack.RestartAgent();
        timeline.Mark("agent restarted (same config, same outbox)");
        await Task.Delay(TimeSpan.FromSeconds(6));

        link.Cut(LinkCut.Blackhole);
        timeline.Mark("link cut (silent blackhole)");
        await Task.Delay(TimeSpan.FromSeconds(12));
        windows.Add(KillAgent(stack, timeline, "kill -9 agent (link down: its backlog must survive)"));
        stack.RestartAgent();
        timeline.Mark("agent restarted (link still down)");
        await Task.Delay(TimeSpan.FromSeconds(8));
        link.Restore();
        timeline.Mark("link restored");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var cutoff = timeline.Mark("cutoff: polls served until now are counted");

        // Drained when every made poll is stored; at the deadline the audit says what is missing.
        IReadOnlyList<DeliveryAudit> audits = [];
        var drainUntil = DateTimeOffset.UtcNow + DrainDeadline;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            audits = await AuditAsync(stack, logs, windows, cutoff);
        }
        while (audits.Any(a => a.Lost.Count > 0) && DateTimeOffset.UtcNow < drainUntil);

        timeline.Mark(audits.Any(a => a.Lost.Count > 0) ? "gave up waiting for the backlog" : "every made poll stored: outbox drained");
        var mismatches = new List<string>();
        foreach (var (device, count) in interfaces)
        {
            mismatches.AddRange(await InterfaceMismatchesAsync(stack, device, count, cutoff));
        }

        var report = Report(timeline, audits, mismatches, await stack.ReadMetricsAsync());
        output.WriteLine(report);
        Assert.True(audits.All(a => a.Clean) && mismatches.Count == 0 && audits.Sum(a => a.Made) > 0,
            $"{report}\n{stack.LogTails()}");
    }

    /// <summary>kill -9 of the agent; polls served from a budget before it until it is dead may have been cut short.</summary>
    internal static InFlightWindow KillAgent(MonitoringStack stack, Timeline timeline, string what)
    {
        var from = timeline.Mark(what) - PollBudget - InFlightMargin;
        stack.KillAgent();
        return new InFlightWindow(from, timeline.Mark("agent is dead"), what);
    }

    internal static object Device(string name, SnmpdServer server) => new
    {
        Name = name,
        Host = server.Address,
        Version = "2c",
        Community = "public",
        IntervalSeconds = 1,
        TimeoutSeconds = 2,
        Retries = 0,
        PollTimeoutSeconds = PollBudget.TotalSeconds,
    };

    internal static async Task<IReadOnlyList<DeliveryAudit>> AuditAsync(MonitoringStack stack, IReadOnlyDictionary<string, string> markerLogs,
        IReadOnlyList<InFlightWindow> windows, DateTimeOffset cutoff)
    {
        var audits = new List<DeliveryAudit>();
        foreach (var (device, log) in markerLogs)
        {
            var stored = await StoredData.DevicePollsAsync(stack.Influx, device);
            audits.Add(DeliveryAudit.Compute(device, UptimeMarker.ReadServed(log), stored, windows, cutoff, PollBudget));
        }

        return audits;
    }

    /// <summary>Every stored reachable poll has all its interface points at the same timestamp, and no interface point
    /// has a timestamp of its own (a poll stored twice under two times).</summary>
    internal static async Task<IReadOnlyList<string>> InterfaceMismatchesAsync(MonitoringStack stack, string device, int interfaceCount, DateTimeOffset cutoff)
    {
        var polls = (await StoredData.DevicePollsAsync(stack.Influx, device)).Where(p => p.Time <= cutoff).ToList();
        var reachable = polls.Where(p => p.Reachable).Select(p => p.Time).ToHashSet();
        var all = polls.Select(p => p.Time).ToHashSet();
        var byIndex = await StoredData.InterfaceTimesAsync(stack.Influx, device);
        var problems = new List<string>();
        if (byIndex.Count != interfaceCount)
        {
            problems.Add($"{device}: interface series {byIndex.Count}, expected {interfaceCount}");
        }

        foreach (var (index, times) in byIndex)
        {
            var missing = reachable.Count(t => !times.Contains(t));
            var extra = times.Count(t => t <= cutoff && !all.Contains(t));
            if (missing > 0 || extra > 0)
            {
                problems.Add($"{device} if_index {index}: {missing} reachable poll(s) without this interface's point, {extra} interface point(s) at a time no device point has");
            }
        }

        return problems;
    }

    internal static string Report(Timeline timeline, IReadOnlyList<DeliveryAudit> audits, IReadOnlyList<string> mismatches, string metrics)
    {
        var text = new StringBuilder();
        text.Append("--- timeline ---\n").Append(timeline);
        text.Append("--- audit (ground truth: markers served by snmpd) ---\n");
        foreach (var audit in audits)
        {
            text.Append(audit).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"TOTAL: made {audits.Sum(a => a.Made)}, found {audits.Sum(a => a.Found)}, lost {audits.Sum(a => a.Lost.Count)}, duplicates {audits.Sum(a => a.Duplicates.Count)}, " +
            $"mis-stamped {audits.Sum(a => a.MisStamped.Count)}, in flight at kills {audits.Sum(a => a.InFlight)}\n");
        foreach (var mismatch in mismatches)
        {
            text.Append(mismatch).Append('\n');
        }

        text.Append("--- collector /metrics (after the last restart) ---\n");
        text.Append(string.Join('\n', metrics.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'))));
        return text.Append('\n').ToString();
    }
}

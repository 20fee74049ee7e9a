using System.Globalization;
using System.Text;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Snmpd;
using Xunit.Abstractions;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 4's chaos test, every peer real: snmpd devices → sonla-agent → a link the test controls (TcpProxy) →
/// sonla-collector → influxd. The agent polls every second while the collector is killed (also while InfluxDB is down),
/// InfluxDB stopped, the agent killed (link up, in the middle of a link outage, while sending its backlog) and the link
/// silently cut (once resuming, once ending in resets); then every poll the agent made is in InfluxDB exactly once,
/// with its own timestamp.
/// <para>Ground truth is outside the system under test: each device's snmpd serves an hrSystemUptime that differs on
/// every GET and logs it (<see cref="UptimeMarker"/>); the agent stores it as uptime_s, so each poll is known by value.
/// Polls cut short by a kill of the agent are not "made": markers served within <see cref="ChaosChecks.InFlightMargin"/> plus the
/// poll budget before a kill are left out of the count (and reported).</para>
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task CollectorKilled_InfluxStopped_AgentKilled_LinkCut_EveryPollMadeIsStoredOnceWithItsOwnTimestamp()
    {
        SimulatedInterface[] routerInterfaces =
        [
            new(1, "ge-0/0/0") { Alias = "Cáp quang VNPT", InOctets = 1_099_511_627_776_000, OutOctets = 4_294_967_295, SpeedBitsPerSecond = 1_000_000_000 },
            new(2, "lte0") { Alias = "4G dự phòng", InOctets = 123_456, OutOctets = 654_321, OperStatus = 2 },
        ];
        SimulatedInterface[] firewallInterfaces = [new(1, "port1") { InOctets = 42, OutOctets = 43 }];

        await using var site = await ChaosSite.StartAsync("sonla-chaos", ("router", routerInterfaces), ("firewall", firewallInterfaces));
        var (stack, link, timeline, windows) = (site.Stack, site.Link, site.Timeline, site.Windows);
        var interfaces = site.InterfaceCounts;
        await Task.Delay(TimeSpan.FromSeconds(6));

        timeline.Mark("kill -9 collector");
        stack.KillCollector();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stack.RestartCollectorAsync();
        timeline.Mark("collector restarted on the same ports");
        await Task.Delay(TimeSpan.FromSeconds(5));

        stack.Influx.Stop();
        timeline.Mark("InfluxDB stopped");
        await Task.Delay(TimeSpan.FromSeconds(5));
        // The collector dies too while it cannot store: whatever it held unacknowledged must come again from the agent.
        timeline.Mark("kill -9 collector (InfluxDB still down)");
        stack.KillCollector();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stack.RestartCollectorAsync();
        timeline.Mark("collector restarted (InfluxDB still down)");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stack.Influx.StartAgainAsync();
        timeline.Mark("InfluxDB started again");
        await Task.Delay(TimeSpan.FromSeconds(5));

        site.KillAndRestartAgent("link up");
        await Task.Delay(TimeSpan.FromSeconds(6));

        link.Cut(LinkCut.Blackhole);
        timeline.Mark("link cut (silent blackhole)");
        await Task.Delay(TimeSpan.FromSeconds(12));
        site.KillAndRestartAgent("link down: its backlog must survive");
        await Task.Delay(TimeSpan.FromSeconds(8));
        link.Restore();
        timeline.Mark("link restored");
        await Task.Delay(TimeSpan.FromSeconds(1));
        site.KillAndRestartAgent("sending its backlog");
        await Task.Delay(TimeSpan.FromSeconds(6));

        // A dead link whose connection does not survive it (the carrier's NAT forgot it): silence, then a reset.
        link.Cut(LinkCut.Blackhole);
        timeline.Mark("link cut (silent blackhole)");
        await Task.Delay(TimeSpan.FromSeconds(8));
        link.Cut(LinkCut.Reset);
        timeline.Mark("link cut (connections reset: what was in flight is gone)");
        await Task.Delay(TimeSpan.FromSeconds(2));
        // Drained when every made poll is stored; at the deadline the audit says what is missing.
        var (cutoff, audits) = await site.RestoreLinkAndDrainAsync(DrainDeadline);
        var mismatches = new List<string>();
        foreach (var (device, count) in interfaces)
        {
            mismatches.AddRange(await ChaosChecks.InterfaceMismatchesAsync(stack, device, count, cutoff));
        }

        mismatches.AddRange(ChaosChecks.ExcessLossesAroundStops(audits, windows.Count));

        var report = ChaosChecks.Report(timeline, audits, mismatches, await stack.ReadMetricsAsync());
        output.WriteLine(report);
        Assert.True(audits.All(a => a.Clean) && mismatches.Count == 0 && audits.Sum(a => a.Made) > 0,
            $"{report}\n{stack.LogTails()}");
    }
}

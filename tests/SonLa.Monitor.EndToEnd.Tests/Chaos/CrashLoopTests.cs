using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Snmpd;
using Xunit.Abstractions;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// A crash loop during an outage (power flickering, a supervisor restarting the agent again and again): the agent is
/// killed with -9 every couple of seconds, so some kills land in the middle of writing to the outbox; every poll made
/// between kills still arrives once the link is back.
/// </summary>
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    private const int Kills = 8;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task AgentKilledAgainAndAgainDuringAnOutage_EveryPollMadeBetweenKillsArrives()
    {
        using var markers = new TempDirectory("sonla-crashloop");
        SimulatedInterface[] routerInterfaces = [new(1, "ge-0/0/0") { InOctets = 10_000, OutOctets = 20_000 }, new(2, "lte0") { InOctets = 1, OutOctets = 2 }];
        var logs = new Dictionary<string, string> { ["router"] = markers.File("router.markers") };
        await using var router = await SnmpdServer.StartAsync(UptimeMarker.DeviceOptions("router", routerInterfaces, logs["router"]));
        await using var stack = await MonitoringStack.StartAsync();
        await using var link = TcpProxy.Start(new Uri(stack.CollectorGrpcUrl).Port);
        var timeline = new Timeline();
        var windows = new List<InFlightWindow>();

        stack.StartAgent([ChaosChecks.Device("router", router)], collectorUrl: $"http://{link.Address}");
        timeline.Mark("agent started (through the proxy)");
        await stack.WaitForRowsAsync($"SELECT count(reachable) FROM device WHERE site = '{MonitoringStack.SiteId}'", rows => rows.Count == 1);
        timeline.Mark("points in InfluxDB");

        link.Cut(LinkCut.Blackhole);
        timeline.Mark("link cut (silent blackhole)");
        await Task.Delay(TimeSpan.FromSeconds(3));
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Uneven spacing, so kills fall at different points of the poll/write cycle.
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + (kill * 170 % 900)));
            windows.Add(ChaosChecks.KillAgent(stack, timeline, $"kill -9 agent ({kill}/{Kills})"));
            stack.RestartAgent();
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        link.Restore();
        timeline.Mark("link restored");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var cutoff = timeline.Mark("cutoff: polls served until now are counted");

        var audits = await ChaosChecks.WaitForDrainAsync(stack, logs, windows, cutoff, DrainDeadline);
        timeline.Mark(audits.Any(a => a.Lost.Count > 0) ? "gave up waiting for the backlog" : "every made poll stored: backlog drained");
        var problems = (await ChaosChecks.InterfaceMismatchesAsync(stack, "router", routerInterfaces.Length, cutoff))
            .Concat(ChaosChecks.ExcessLossesAroundStops(audits, windows.Count)).ToList();
        var report = ChaosChecks.Report(timeline, audits, problems, await stack.ReadMetricsAsync());
        output.WriteLine(report);
        Assert.True(audits.All(a => a.Clean) && problems.Count == 0 && audits.Sum(a => a.Made) > 0, $"{report}\n{stack.LogTails()}");
    }
}

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
        SimulatedInterface[] routerInterfaces = [new(1, "ge-0/0/0") { InOctets = 10_000, OutOctets = 20_000 }, new(2, "lte0") { InOctets = 1, OutOctets = 2 }];
        await using var site = await ChaosSite.StartAsync("sonla-crashloop", ("router", routerInterfaces));
        var (stack, link, timeline, windows) = (site.Stack, site.Link, site.Timeline, site.Windows);

        link.Cut(LinkCut.Blackhole);
        timeline.Mark("link cut (silent blackhole)");
        await Task.Delay(TimeSpan.FromSeconds(3));
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Uneven spacing, so kills fall at different points of the poll/write cycle.
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + (kill * 170 % 900)));
            site.KillAndRestartAgent($"{kill}/{Kills}");
        }

        await Task.Delay(TimeSpan.FromSeconds(4));
        // Drained when every made poll is stored; at the deadline the audit says what is missing.
        var (cutoff, audits) = await site.RestoreLinkAndDrainAsync(DrainDeadline);
        var problems = (await ChaosChecks.InterfaceMismatchesAsync(stack, "router", routerInterfaces.Length, cutoff))
            .Concat(ChaosChecks.ExcessLossesAroundStops(audits, windows.Count)).ToList();
        var report = ChaosChecks.Report(timeline, audits, problems, await stack.ReadMetricsAsync());
        output.WriteLine(report);
        Assert.True(audits.All(a => a.Clean) && problems.Count == 0 && audits.Sum(a => a.Made) > 0, $"{report}\n{stack.LogTails()}");
    }
}

using System.Globalization;
using System.Text;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>What the chaos tests share: the device config, stops of the agent as in-flight windows, and the audit.</summary>
public static class ChaosChecks
{
    /// <summary>A whole poll (GET, then the IF-MIB walks) must end within this, or it is given up (unreachable).</summary>
    public static readonly TimeSpan PollBudget = TimeSpan.FromSeconds(3);

    /// <summary>Beyond the poll budget, for a loaded machine to hand a finished poll to the outbox.</summary>
    public static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(2);

    /// <summary>kill -9 of the agent; polls served from a budget before it until it is dead may have been cut short.</summary>
    public static InFlightWindow KillAgent(MonitoringStack stack, Timeline timeline, string what)
    {
        var from = timeline.Mark(what) - PollBudget - InFlightMargin;
        stack.KillAgent();
        return new InFlightWindow(from, timeline.Mark("agent is dead"), what);
    }

    public static object Device(string name, SnmpdServer server) => new
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

    public static async Task<IReadOnlyList<DeliveryAudit>> AuditAsync(MonitoringStack stack, IReadOnlyDictionary<string, string> markerLogs,
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
    public static async Task<IReadOnlyList<string>> InterfaceMismatchesAsync(MonitoringStack stack, string device, int interfaceCount, DateTimeOffset cutoff)
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

    public static string Report(Timeline timeline, IReadOnlyList<DeliveryAudit> audits, IReadOnlyList<string> mismatches, string metrics)
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

    /// <summary>
    /// Polls around the agent's stops that never arrived, beyond what a stop can honestly cost: polls never overlap, so at
    /// most one poll per device is in progress at a stop; anything more missing was made and then lost.
    /// </summary>
    public static IReadOnlyList<string> ExcessLossesAroundStops(IReadOnlyList<DeliveryAudit> audits, int stops) =>
        [.. audits.Where(a => a.InFlight - a.InFlightFound > stops)
            .Select(a => $"{a.Device}: {a.InFlight - a.InFlightFound} polls around {stops} agent stop(s) never arrived (at most one per stop may be in progress)")];

    /// <summary>SIGTERM to the agent: polls running at that moment are cancelled, not made.</summary>
    public static async Task<InFlightWindow> StopAgentAsync(MonitoringStack stack, Timeline timeline, string what)
    {
        var from = timeline.Mark(what) - PollBudget - InFlightMargin;
        var exitCode = await stack.StopAgentAsync();
        return new InFlightWindow(from, timeline.Mark($"agent exited with code {exitCode}"), what);
    }

    /// <summary>Polls <see cref="AuditAsync"/> until nothing made is missing, or the deadline; returns the last audit.</summary>
    public static async Task<IReadOnlyList<DeliveryAudit>> WaitForDrainAsync(MonitoringStack stack, IReadOnlyDictionary<string, string> markerLogs,
        IReadOnlyList<InFlightWindow> windows, DateTimeOffset cutoff, TimeSpan deadline)
    {
        IReadOnlyList<DeliveryAudit> audits;
        var until = DateTimeOffset.UtcNow + deadline;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            audits = await AuditAsync(stack, markerLogs, windows, cutoff);
        }
        while (audits.Any(a => a.Lost.Count > 0) && DateTimeOffset.UtcNow < until);

        return audits;
    }
}

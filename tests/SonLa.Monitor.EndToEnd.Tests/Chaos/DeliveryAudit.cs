using System.Globalization;

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>
/// One device's polls (the markers snmpd served: the ground truth) against what InfluxDB holds (its <c>device</c>
/// points): which polls were made, found, lost, stored twice under two timestamps, or stored with a timestamp that is
/// not the poll's own.
/// </summary>
public sealed record DeliveryAudit
{
    /// <summary>A point is stamped when the poll starts, before its GET reaches snmpd; allow for clock reading jitter.</summary>
    public static readonly TimeSpan StampedAfterServedTolerance = TimeSpan.FromSeconds(1);

    public required string Device { get; init; }

    /// <summary>Markers served up to the cutoff.</summary>
    public int Served { get; init; }

    /// <summary>Served while a stop of the agent could cut the poll short (not counted as made).</summary>
    public int InFlight { get; init; }

    /// <summary>Of those, how many arrived anyway.</summary>
    public int InFlightFound { get; init; }

    public int Made { get; init; }

    public int Found { get; init; }

    /// <summary>Made polls whose GET answer came too late: the agent stored them as unreachable (a reachable=0 point).</summary>
    public int TimedOut { get; init; }

    public IReadOnlyList<long> Lost { get; init; } = [];

    /// <summary>Markers stored under more than one timestamp: the same poll twice.</summary>
    public IReadOnlyList<long> Duplicates { get; init; } = [];

    /// <summary>uptime_s values in InfluxDB that snmpd never served.</summary>
    public IReadOnlyList<long> Unknown { get; init; } = [];

    /// <summary>Polls stored with a timestamp that cannot be the poll's own (e.g. the time of a late send).</summary>
    public IReadOnlyList<string> MisStamped { get; init; } = [];

    public int UnreachablePoints { get; init; }

    public bool Clean => Lost.Count == 0 && Duplicates.Count == 0 && Unknown.Count == 0 && MisStamped.Count == 0;

    /// <param name="pollBudget">The device's whole-poll budget: a poll's GET is served within it of the poll's timestamp.</param>
    public static DeliveryAudit Compute(string device, IReadOnlyList<ServedMarker> served, IReadOnlyList<StoredPoll> stored,
        IReadOnlyList<InFlightWindow> inFlight, DateTimeOffset cutoff, TimeSpan pollBudget)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(inFlight);
        var servedAt = new Dictionary<long, DateTimeOffset>();
        foreach (var marker in served)
        {
            servedAt.TryAdd(marker.Seconds, marker.ServedAt);
        }

        var storedTimes = stored.Where(p => p.UptimeSeconds is not null)
            .GroupBy(p => p.UptimeSeconds!.Value)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Time).Distinct().Order().ToList());
        var unreachable = stored.Where(p => !p.Reachable).Select(p => p.Time).Order().ToList();

        int made = 0, found = 0, timedOut = 0, inFlightCount = 0, inFlightFound = 0;
        var lost = new List<long>();
        var misStamped = new List<string>();
        foreach (var marker in served.Where(m => m.ServedAt <= cutoff))
        {
            var isStored = storedTimes.TryGetValue(marker.Seconds, out var times);
            if (inFlight.Any(w => w.Contains(marker.ServedAt)))
            {
                inFlightCount++;
                inFlightFound += isStored ? 1 : 0;
                continue;
            }

            made++;
            if (isStored)
            {
                found++;
                continue;
            }

            // A GET answered after the agent gave up: that poll is stored, as unreachable, stamped before the answer.
            var excuse = unreachable.FindIndex(t => t <= marker.ServedAt + StampedAfterServedTolerance && marker.ServedAt - t <= pollBudget + TimeSpan.FromSeconds(2));
            if (excuse >= 0)
            {
                unreachable.RemoveAt(excuse);
                timedOut++;
                continue;
            }

            lost.Add(marker.Seconds);
        }

        foreach (var (seconds, times) in storedTimes)
        {
            if (!servedAt.TryGetValue(seconds, out var at))
            {
                continue;
            }

            foreach (var time in times)
            {
                var early = at - time;
                if (time > at + StampedAfterServedTolerance || early > pollBudget + TimeSpan.FromSeconds(2))
                {
                    misStamped.Add(string.Create(CultureInfo.InvariantCulture,
                        $"uptime_s={seconds} stored at {time:HH:mm:ss.fff} but served at {at:HH:mm:ss.fff}"));
                }
            }
        }

        return new DeliveryAudit
        {
            Device = device,
            Served = served.Count(m => m.ServedAt <= cutoff),
            InFlight = inFlightCount,
            InFlightFound = inFlightFound,
            Made = made,
            Found = found,
            TimedOut = timedOut,
            Lost = lost,
            Duplicates = [.. storedTimes.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).Order()],
            Unknown = [.. storedTimes.Keys.Where(k => !servedAt.ContainsKey(k)).Order()],
            MisStamped = misStamped,
            UnreachablePoints = stored.Count(p => !p.Reachable),
        };
    }

    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Device}: polls made {Made}, found {Found}, lost {Lost.Count}, duplicates {Duplicates.Count}, ");
        text.Append(CultureInfo.InvariantCulture, $"timed out (stored as unreachable) {TimedOut}, in flight at an agent stop {InFlight} (of which arrived {InFlightFound}), ");
        text.Append(CultureInfo.InvariantCulture, $"unknown values {Unknown.Count}, mis-stamped {MisStamped.Count}, unreachable points {UnreachablePoints}");
        Append(text, "lost uptime_s", Lost);
        Append(text, "duplicated uptime_s", Duplicates);
        Append(text, "unknown uptime_s", Unknown);
        if (MisStamped.Count > 0)
        {
            text.Append("; ").Append(string.Join("; ", MisStamped.Take(10)));
        }

        return text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, string what, IReadOnlyList<long> values)
    {
        if (values.Count > 0)
        {
            text.Append("; ").Append(what).Append(": ").Append(string.Join(',', values.Take(40)));
        }
    }
}

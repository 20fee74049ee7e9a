namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// Builds an outage's timeline and class from its evidence. Pure and deterministic: the same input gives the same
/// timeline, whatever order the backlog arrived in. State samples become entries only where the state changes
/// (a UPS going on battery, the uplink's oper_status leaving up); events map one to one; a trap and a poll telling
/// the same thing within <see cref="OutageOptions.DedupSeconds"/> are one entry (the earlier, with the event's message).
/// </summary>
public sealed class OutageTimelineBuilder(OutageOptions options)
{
    private const long SecondNs = 1_000_000_000;
    /// <summary>
    /// Samples this close to the outage's edges do not prove the agent alive during it: its last poll before it died, or
    /// its first poll after a restart just before it reconnected, are not the dark period.
    /// </summary>
    public static readonly TimeSpan AliveMargin = TimeSpan.FromSeconds(30);

    public OutageTimeline Build(OutageTimelineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var startNs = ToNs(input.Start);
        var endNs = Math.Max(startNs, ToNs(input.End));
        var fromNs = startNs - (options.LeadSeconds * SecondNs);
        var names = new Dictionary<(string, string), string>(input.Before?.InterfaceNames ?? []);
        foreach (var (key, name) in input.Evidence.InterfaceNames)
        {
            names[key] = name;
        }

        var entries = new List<TimelineEntry>();
        AddBefore(input, startNs, names, entries);
        AddSeries(input, fromNs, endNs, names, entries);
        AddEvents(input, fromNs, endNs, names, entries);
        AddBoots(input, fromNs, endNs, entries);
        var (blind, gaps, alive) = Coverage(input.Evidence, startNs, endNs);
        foreach (var (gapStart, gapEnd) in gaps)
        {
            if (gapEnd - gapStart >= options.GapSeconds * SecondNs)
            {
                entries.Add(new TimelineEntry(FromNs(gapStart), TimelineEntryKind.NoData) { Until = FromNs(gapEnd) });
            }
        }

        var timeline = Deduplicate(entries);
        var (outageClass, cause) = Classify(input, timeline, alive);
        if (outageClass == OutageClass.Blind)
        {
            // Nothing measured inside it: samples at its edges do not make any of it seen.
            blind = endNs - startNs;
        }

        return new OutageTimeline(timeline, outageClass, TimeSpan.FromTicks(blind / 100))
        {
            CauseDevice = cause,
            Incomplete = input.Evidence.Truncated,
        };
    }

    private static void AddSeries(OutageTimelineInput input, long fromNs, long endNs, Dictionary<(string, string), string> names, List<TimelineEntry> entries)
    {
        foreach (var (key, samples) in input.Evidence.Samples.OrderBy(s => s.Key.Kind).ThenBy(s => s.Key.Device, StringComparer.Ordinal)
                     .ThenBy(s => s.Key.IfIndex, StringComparer.Ordinal))
        {
            if (key.Kind == SeriesKind.OperStatus && input.UplinkDevice is { } uplink && !string.Equals(key.Device, uplink, StringComparison.Ordinal))
            {
                continue;
            }

            int? previous = input.Before?.LastValues.TryGetValue(key, out var before) == true ? before.Value : null;
            foreach (var (timeNs, value) in samples.Where(s => s.TimeNs >= fromNs && s.TimeNs <= endNs).OrderBy(s => s.TimeNs))
            {
                if (Transition(input, key, previous, value) is { } kind)
                {
                    var iface = key.IfIndex.Length == 0 ? null : InterfaceText(key.Device, key.IfIndex, names);
                    entries.Add(new TimelineEntry(FromNs(timeNs), kind, key.Device, iface));
                }

                previous = value;
            }
        }
    }

    /// <summary>
    /// What was already wrong when the site went silent, from the last live data: a UPS on battery since 14:02 explains a
    /// site that went dark at 14:35, when its battery ran out.
    /// </summary>
    private static void AddBefore(OutageTimelineInput input, long startNs, Dictionary<(string, string), string> names, List<TimelineEntry> entries)
    {
        if (input.Before is null)
        {
            return;
        }

        foreach (var (key, (_, value, sinceNs)) in input.Before.LastValues)
        {
            if (sinceNs > startNs)
            {
                continue;
            }

            var isUplink = string.Equals(key.Device, input.UplinkDevice, StringComparison.Ordinal);
            TimelineEntryKind? kind = key.Kind switch
            {
                SeriesKind.OnBattery when value == 1 => TimelineEntryKind.PowerLost,
                SeriesKind.Reachable when value == 0 => TimelineEntryKind.DeviceUnreachable,
                SeriesKind.OperStatus when IsDown(value) && isUplink => TimelineEntryKind.UplinkDown,
                _ => null,
            };
            if (kind is { } k)
            {
                var iface = key.IfIndex.Length == 0 ? null : InterfaceText(key.Device, key.IfIndex, names);
                entries.Add(new TimelineEntry(FromNs(sinceNs), k, key.Device, iface));
            }
        }
    }

    private static TimelineEntryKind? Transition(OutageTimelineInput input, SeriesKey key, int? previous, int value)
    {
        switch (key.Kind)
        {
            case SeriesKind.OnBattery:
                // On battery at the first sample of the dark period is evidence even when we never saw it switch.
                return value == 1 && previous != 1 ? TimelineEntryKind.PowerLost
                    : value == 0 && previous == 1 ? TimelineEntryKind.PowerRestored : null;
            case SeriesKind.Reachable:
                return value == 0 && previous != 0 ? TimelineEntryKind.DeviceUnreachable
                    : value == 1 && previous == 0 ? TimelineEntryKind.DeviceReachable : null;
            default:
                // An interface already down before the outage (or never seen up) is no news.
                var isUplink = string.Equals(key.Device, input.UplinkDevice, StringComparison.Ordinal);
                return IsDown(value) && previous == 1 ? (isUplink ? TimelineEntryKind.UplinkDown : TimelineEntryKind.LinkDown)
                    : value == 1 && previous is { } p && IsDown(p) ? (isUplink ? TimelineEntryKind.UplinkUp : TimelineEntryKind.LinkUp) : null;
        }
    }

    // ifOperStatus: down(2), notPresent(6), lowerLayerDown(7). testing, unknown and dormant are not failures.
    private static bool IsDown(int operStatus) => operStatus is 2 or 6 or 7;

    private static void AddEvents(OutageTimelineInput input, long fromNs, long endNs, Dictionary<(string, string), string> names, List<TimelineEntry> entries)
    {
        var events = input.Evidence.Events.AsEnumerable();
        if (input.Before is { } before)
        {
            events = events.Concat(before.RecentEvents);
        }

        foreach (var e in events.Where(e => e.TimeNs >= fromNs && e.TimeNs <= endNs))
        {
            var isUplink = string.Equals(e.Device, input.UplinkDevice, StringComparison.Ordinal);
            TimelineEntryKind? kind = e.Kind switch
            {
                "power_lost" => TimelineEntryKind.PowerLost,
                "power_restored" => TimelineEntryKind.PowerRestored,
                "link_down" => isUplink ? TimelineEntryKind.UplinkDown : TimelineEntryKind.LinkDown,
                "link_up" => isUplink ? TimelineEntryKind.UplinkUp : TimelineEntryKind.LinkUp,
                "unreachable" => TimelineEntryKind.DeviceUnreachable,
                "reachable" => TimelineEntryKind.DeviceReachable,
                "reboot" or "cold_start" or "warm_start" => TimelineEntryKind.DeviceRebooted,
                "data_lost" => TimelineEntryKind.DataLost,
                _ => null,
            };
            if (kind is { } k)
            {
                var device = e.Device.Length == 0 ? null : e.Device;
                var iface = e.IfIndex.Length == 0 ? null : InterfaceText(e.Device, e.IfIndex, names);
                entries.Add(new TimelineEntry(FromNs(e.TimeNs), k, device, iface, e.Message.Length == 0 ? null : e.Message));
            }
        }
    }

    private static void AddBoots(OutageTimelineInput input, long fromNs, long endNs, List<TimelineEntry> entries)
    {
        var known = input.Before?.BootId;
        var boots = input.Evidence.Boots.OrderBy(b => b.Value.FirstNs).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        if (known is null && boots.Count > 0)
        {
            // Without the boot id from before the outage, the oldest boot of the backlog is the one that was running.
            known = boots[0].Key;
        }

        foreach (var (bootId, (firstNs, _)) in boots)
        {
            if (!string.Equals(bootId, known, StringComparison.Ordinal) && firstNs >= fromNs && firstNs <= endNs)
            {
                entries.Add(new TimelineEntry(FromNs(firstNs), TimelineEntryKind.AgentRestarted, "agent"));
            }
        }

        if (input.ReturnBootId is { } back && known is not null && !string.Equals(back, known, StringComparison.Ordinal)
            && !(input.Evidence.Boots.TryGetValue(back, out var span) && span.FirstNs >= fromNs && span.FirstNs <= endNs))
        {
            // It restarted and reconnected before measuring anything offline: the restart is the return itself.
            entries.Add(new TimelineEntry(FromNs(endNs), TimelineEntryKind.AgentRestarted, "agent"));
        }
    }

    /// <summary>Blind nanoseconds inside [start, end], the uncovered stretches, and whether any sample was measured inside.</summary>
    private (long Blind, List<(long Start, long End)> Gaps, bool Alive) Coverage(OutageEvidence evidence, long startNs, long endNs)
    {
        var reach = options.CoverageSeconds * SecondNs;
        var covered = new List<(long Start, long End)>();
        var alive = false;
        var margin = AliveMargin.Ticks * 100;
        foreach (var bucket in evidence.CoveredBuckets.Order())
        {
            var t = bucket * OutageEvidence.BucketNs;
            alive |= t >= startNs + margin && t + OutageEvidence.BucketNs <= endNs - margin;
            var (s, e) = (t - reach, t + OutageEvidence.BucketNs + reach);
            if (covered.Count > 0 && s <= covered[^1].End)
            {
                covered[^1] = (covered[^1].Start, Math.Max(covered[^1].End, e));
            }
            else
            {
                covered.Add((s, e));
            }
        }

        var gaps = new List<(long, long)>();
        var cursor = startNs;
        foreach (var (s, e) in covered)
        {
            if (e <= cursor)
            {
                continue;
            }

            if (s > cursor)
            {
                gaps.Add((cursor, Math.Min(s, endNs)));
            }

            cursor = Math.Max(cursor, e);
            if (cursor >= endNs)
            {
                break;
            }
        }

        if (cursor < endNs)
        {
            gaps.Add((cursor, endNs));
        }

        gaps.RemoveAll(g => g.Item2 <= g.Item1);
        return (gaps.Sum(g => g.Item2 - g.Item1), gaps, alive);
    }

    private List<TimelineEntry> Deduplicate(List<TimelineEntry> entries)
    {
        var window = TimeSpan.FromSeconds(options.DedupSeconds);
        var kept = new List<TimelineEntry>();
        foreach (var entry in entries.OrderBy(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Device, StringComparer.Ordinal)
                     .ThenBy(e => e.Interface, StringComparer.Ordinal))
        {
            var same = kept.FindLastIndex(k => k.Kind == entry.Kind && entry.At - k.At <= window
                && string.Equals(k.Device, entry.Device, StringComparison.Ordinal)
                && (k.Interface is null || entry.Interface is null || string.Equals(k.Interface, entry.Interface, StringComparison.Ordinal)));
            if (same < 0)
            {
                kept.Add(entry);
                continue;
            }

            var k = kept[same];
            kept[same] = k with { Message = k.Message ?? entry.Message, Interface = k.Interface ?? entry.Interface };
        }

        return kept;
    }

    private static (OutageClass Class, string? Cause) Classify(OutageTimelineInput input, List<TimelineEntry> timeline, bool alive)
    {
        var power = timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.PowerLost);
        if (power is not null)
        {
            return (OutageClass.Power, power.Device);
        }

        // The agent's last word before the silence: a UPS on battery.
        foreach (var (key, (_, value, _)) in input.Before?.LastValues ?? [])
        {
            if (key.Kind == SeriesKind.OnBattery && value == 1)
            {
                return (OutageClass.Power, key.Device);
            }
        }

        var failed = timeline.FirstOrDefault(e => e.Kind is TimelineEntryKind.DeviceUnreachable or TimelineEntryKind.DeviceRebooted
            && e.Device is not null && (input.UplinkDevice is null || string.Equals(e.Device, input.UplinkDevice, StringComparison.Ordinal)));
        if (failed is not null)
        {
            return (OutageClass.Device, failed.Device);
        }

        var uplinkDown = timeline.FirstOrDefault(e => e.Kind == TimelineEntryKind.UplinkDown);
        if (alive || uplinkDown is not null)
        {
            return (OutageClass.Wan, uplinkDown?.Device);
        }

        return (OutageClass.Blind, null);
    }

    private static string InterfaceText(string device, string ifIndex, Dictionary<(string, string), string> names) =>
        ifIndex.Length == 0 ? "" : names.TryGetValue((device, ifIndex), out var name) && name.Length > 0 ? name : "if " + ifIndex;

    private static long ToNs(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static DateTimeOffset FromNs(long ns) => DateTimeOffset.UnixEpoch.AddTicks(ns / 100);
}

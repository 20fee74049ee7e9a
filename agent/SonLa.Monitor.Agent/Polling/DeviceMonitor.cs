using System.Globalization;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// The state of one device across polls: reachability, its clock (reboots, rollover) and its interfaces' counters.
/// Turns each <see cref="DevicePollResult"/> into the contract's <c>device</c> and <c>interface</c> points and
/// <c>unreachable</c>/<c>reachable</c>/<c>reboot</c> events, and for a UPS its <c>ups</c> point and power events
/// (<see cref="UpsMonitor"/>). Pure: no I/O, no clock of its own.
/// </summary>
public sealed class DeviceMonitor(string siteId, string deviceName)
{
    /// <summary>An unchanged if_alias is repeated this often, so "the last hour" always holds each interface's alias.</summary>
    public static readonly TimeSpan AliasRepeat = TimeSpan.FromHours(1);

    private readonly DeviceClock _clock = new();
    private readonly Dictionary<int, (string Alias, DateTimeOffset SentAt)> _aliases = [];
    private readonly InterfaceRateTracker _rates = new();
    private readonly UpsMonitor _ups = new(siteId, deviceName);
    private bool? _reachable;
    private DateTimeOffset? _unreachableSince;
    private uint? _lastUptime;
    private bool? _usingHostUptime;

    public string DeviceName { get; } = deviceName;

    public bool? Reachable => _reachable;

    public PollOutput Process(DevicePollResult poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        var points = new List<Point>();
        var events = new List<Event>();
        var device = Points.Create("device", poll.Time, ("site", siteId), ("device", DeviceName));
        device.Fields["reachable"] = Points.Int(poll.Reachable ? 1 : 0);
        points.Add(device);

        bool? changed = null;
        if (!poll.Reachable)
        {
            if (_reachable != false)
            {
                changed = false;
                _unreachableSince = poll.Time;
                events.Add(Event("unreachable", poll.Time, poll.Error ?? "no answer"));
            }

            _reachable = false;
            return new PollOutput(points, events) { BecameReachable = changed };
        }

        if (_reachable == false)
        {
            changed = true;
            var down = _unreachableSince is { } since ? (poll.Time - since).TotalSeconds : 0;
            events.Add(Event("reachable", poll.Time, string.Create(CultureInfo.InvariantCulture, $"answering again after {down:0} s without answer")));
        }

        _reachable = true;
        if (poll.ResponseMilliseconds is { } ms)
        {
            device.Fields["response_ms"] = Points.Double(Math.Round(ms, 3));
        }

        // The host's uptime when the device reports it (an SNMP agent restart is not a reboot), else sysUpTime.
        // Never mix the two on one timeline: when the source changes, the baseline starts again.
        var usingHost = poll.HostUptime is not null;
        if (_usingHostUptime is { } before && before != usingHost)
        {
            _clock.ForgetUptime();
            _lastUptime = null;
        }

        _usingHostUptime = usingHost;
        var ticks = poll.HostUptime ?? poll.SysUpTime;
        var clock = _clock.Observe(ticks, poll.Monotonic);
        if (clock.UptimeSeconds is { } uptime)
        {
            device.Fields["uptime_s"] = Points.Int((long)uptime);
        }

        if (clock.Rebooted)
        {
            events.Add(Event("reboot", poll.Time, string.Create(CultureInfo.InvariantCulture,
                $"{(usingHost ? "hrSystemUptime" : "sysUpTime")} went back from {_lastUptime / 100.0:0} s to {ticks / 100.0:0} s: the device restarted")));
        }

        _lastUptime = ticks ?? _lastUptime;
        var refused = new Dictionary<RateOutcome, int>();
        _rates.BeginPoll();
        foreach (var row in poll.Interfaces)
        {
            var rates = _rates.Update(row, clock);
            Count(refused, rates.In);
            Count(refused, rates.Out);
            points.Add(InterfacePoint(poll.Time, row, rates));
        }

        _rates.EndPoll();
        if (poll.Ups is { } ups)
        {
            var (upsPoint, powerEvent) = _ups.Process(ups, poll.Time);
            if (upsPoint is not null)
            {
                points.Add(upsPoint);
            }

            if (powerEvent is not null)
            {
                events.Add(powerEvent);
            }
        }

        return new PollOutput(points, events) { BecameReachable = changed, Rebooted = clock.Rebooted, RefusedRates = refused };
    }

    private Point InterfacePoint(DateTimeOffset time, InterfaceReading row, InterfaceRates rates)
    {
        var point = Points.Create("interface", time,
            ("site", siteId), ("device", DeviceName), ("if_index", row.IfIndex.ToString(CultureInfo.InvariantCulture)), ("if_name", row.Name));
        var fields = point.Fields;
        if (row.InOctets is { } inOctets)
        {
            fields["in_octets"] = Points.UInt(inOctets.Value);
        }

        if (row.OutOctets is { } outOctets)
        {
            fields["out_octets"] = Points.UInt(outOctets.Value);
        }

        // Whole bits per second: fractions of a bit are noise, and an integral double costs a commune's metered link a
        // short varint in the compact encoding instead of eight bytes.
        if (rates.In.BitsPerSecond is { } inBps)
        {
            fields["in_bps"] = Points.Double(Math.Round(inBps));
        }

        if (rates.Out.BitsPerSecond is { } outBps)
        {
            fields["out_bps"] = Points.Double(Math.Round(outBps));
        }

        if (rates.CounterReset)
        {
            fields["counter_reset"] = Points.Int(1);
        }

        AddUInt(fields, "in_errors", row.InErrors);
        AddUInt(fields, "out_errors", row.OutErrors);
        AddUInt(fields, "in_discards", row.InDiscards);
        AddUInt(fields, "out_discards", row.OutDiscards);
        AddUInt(fields, "speed_bps", row.SpeedBitsPerSecond);
        if (row.OperStatus is { } oper)
        {
            fields["oper_status"] = Points.Int(oper);
        }

        if (row.AdminStatus is { } admin)
        {
            fields["admin_status"] = Points.Int(admin);
        }

        if (ShouldSendAlias(row, time))
        {
            fields["if_alias"] = Points.Text(row.Alias);
        }

        return point;
    }

    // ifAlias is the longest value of a poll and almost never changes: on a metered 4G link it goes when it changes
    // (an emptied alias as "") and once an hour, not every minute.
    private bool ShouldSendAlias(InterfaceReading row, DateTimeOffset time)
    {
        bool send;
        if (_aliases.TryGetValue(row.IfIndex, out var last))
        {
            var elapsed = time - last.SentAt;
            send = !string.Equals(last.Alias, row.Alias, StringComparison.Ordinal)
                || (row.Alias.Length > 0 && (elapsed >= AliasRepeat || elapsed < TimeSpan.Zero));
        }
        else
        {
            send = row.Alias.Length > 0;
        }

        if (send)
        {
            _aliases[row.IfIndex] = (row.Alias, time);
        }

        return send;
    }

    private static void AddUInt(Google.Protobuf.Collections.MapField<string, FieldValue> fields, string name, ulong? value)
    {
        if (value is { } v)
        {
            fields[name] = Points.UInt(v);
        }
    }

    private static void Count(Dictionary<RateOutcome, int> refused, RateResult result)
    {
        if (result.Outcome is RateOutcome.AboveSpeed or RateOutcome.AmbiguousWrap or RateOutcome.CounterReset)
        {
            refused[result.Outcome] = refused.GetValueOrDefault(result.Outcome) + 1;
        }
    }

    private Event Event(string kind, DateTimeOffset time, string message) => new()
    {
        Device = DeviceName,
        Kind = kind,
        Message = message,
        TimeUnixNs = Points.ToUnixNanoseconds(time),
    };
}

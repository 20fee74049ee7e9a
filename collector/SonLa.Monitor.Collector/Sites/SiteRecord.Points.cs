using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Sites;

internal sealed partial class SiteRecord
{
    /// <summary>
    /// A stored batch's points. Each thing (device, interface, UPS, self-check, clock) keeps its newest point: a backlog
    /// (or a batch resent after a lost ack) older than what is known changes nothing.
    /// </summary>
    public void Apply(IReadOnlyList<LinePoint> points)
    {
        lock (_gate)
        {
            foreach (var point in points)
            {
                switch (point.Measurement)
                {
                    case "interface":
                        ApplyInterface(point);
                        break;
                    case "device":
                        ApplyDevice(point);
                        break;
                    case "ups":
                        ApplyUps(point);
                        break;
                    case "selfcheck":
                        ApplyCheck(point);
                        break;
                    case "agent":
                        ApplyAgent(point);
                        break;
                    case "event":
                        ApplyEvent(point);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private void ApplyInterface(LinePoint point)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName || Tag(point, "if_index") is not { Length: > 0 } ifIndex)
        {
            return;
        }

        var port = Device(deviceName).Interface(ifIndex);
        if (point.TimestampNs < port.Ns)
        {
            return;
        }

        port.Ns = point.TimestampNs;
        port.Name = Tag(point, "if_name") is { Length: > 0 } name ? name : port.Name;
        // Fields a point leaves out keep their last value: if_alias comes only when it changes, rates need two polls.
        port.Alias = Text(point, "if_alias") ?? port.Alias;
        port.AdminStatus = Integer(point, "admin_status") is { } admin ? (int)admin : port.AdminStatus;
        port.OperStatus = Integer(point, "oper_status") is { } oper ? (int)oper : port.OperStatus;
        port.InBps = Number(point, "in_bps") ?? port.InBps;
        port.OutBps = Number(point, "out_bps") ?? port.OutBps;
        port.SpeedBps = Integer(point, "speed_bps") ?? port.SpeedBps;
        port.InErrors = Integer(point, "in_errors") ?? port.InErrors;
        port.OutErrors = Integer(point, "out_errors") ?? port.OutErrors;
    }

    private void ApplyDevice(LinePoint point)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName || Integer(point, "reachable") is not { } reachable)
        {
            return;
        }

        var device = Device(deviceName);
        if (point.TimestampNs < device.Ns)
        {
            return;
        }

        device.Ns = point.TimestampNs;
        device.Reachable = reachable > 0;
        // An unreachable device has no response time or uptime now; a reachable one reports what it measured.
        device.ResponseMs = Number(point, "response_ms");
        device.UptimeS = Integer(point, "uptime_s") ?? (reachable > 0 ? device.UptimeS : null);
    }

    private void ApplyUps(LinePoint point)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName)
        {
            return;
        }

        var ups = Device(deviceName).Ups ??= new UpsRecord();
        if (point.TimestampNs < ups.Ns)
        {
            return;
        }

        ups.Ns = point.TimestampNs;
        ups.OnBattery = Integer(point, "on_battery") is { } onBattery ? onBattery > 0 : ups.OnBattery;
        ups.BatteryPercent = Number(point, "battery_percent") ?? ups.BatteryPercent;
        ups.RuntimeMin = Number(point, "runtime_min") ?? ups.RuntimeMin;
        ups.OutputLoadPercent = Number(point, "output_load_percent") ?? ups.OutputLoadPercent;
    }

    /// <summary>A self-check run is the <c>selfcheck</c> points of one time stamp (one per check): a newer time starts a new run.</summary>
    private void ApplyCheck(LinePoint point)
    {
        if (Tag(point, "check") is not { Length: > 0 } check || Integer(point, "status") is not { } status || point.TimestampNs < _selfcheckNs)
        {
            return;
        }

        if (point.TimestampNs > _selfcheckNs)
        {
            _checks.Clear();
            _selfcheckNs = point.TimestampNs;
        }

        var item = new SelfCheckItemRecord(check, (int)Math.Clamp(status, 0, 2), Text(point, "message"), Text(point, "message_en"),
            Text(point, "hint"), Text(point, "hint_en"));
        var at = _checks.FindIndex(c => string.Equals(c.Id, check, StringComparison.Ordinal));
        if (at >= 0)
        {
            _checks[at] = item;
        }
        else
        {
            _checks.Add(item);
        }
    }

    private void ApplyAgent(LinePoint point)
    {
        if (Number(point, "clock_offset_ms") is { } offset && point.TimestampNs >= _clockNs)
        {
            _clockNs = point.TimestampNs;
            _clockOffsetMs = offset;
        }
    }

    private void ApplyEvent(LinePoint point)
    {
        if (Tag(point, "kind") is not { Length: > 0 } kind)
        {
            return;
        }

        var deviceName = Tag(point, "device");
        var ifIndex = Tag(point, "if_index");
        var ns = point.TimestampNs;
        var record = new SiteEventRecord(ns, string.IsNullOrEmpty(deviceName) ? null : deviceName, kind, ifIndex, Text(point, "message"));
        if (!Remember(record) || record.Device is null)
        {
            return;
        }

        // Traps and transitions are news of the state too, often before the next poll says so.
        var device = Device(record.Device);
        switch (kind)
        {
            case "link_down" or "link_up" when ifIndex is { Length: > 0 }:
                var port = device.Interface(ifIndex);
                if (ns >= port.Ns)
                {
                    port.Ns = ns;
                    port.OperStatus = kind == "link_down" ? 2 : 1;
                }

                break;
            case "unreachable" or "reachable" when ns >= device.Ns:
                device.Ns = ns;
                device.Reachable = kind == "reachable";
                if (device.Reachable == false)
                {
                    device.ResponseMs = null;
                }

                break;
            case "power_lost" or "power_restored":
                var ups = device.Ups ??= new UpsRecord();
                if (ns >= ups.Ns)
                {
                    ups.Ns = ns;
                    ups.OnBattery = kind == "power_lost";
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Keeps the <see cref="MaxEvents"/> newest events, newest first; false for one already known or too old.</summary>
    private bool Remember(SiteEventRecord record)
    {
        var at = 0;
        while (at < _events.Count && _events[at].Ns > record.Ns)
        {
            at++;
        }

        for (var same = at; same < _events.Count && _events[same].Ns == record.Ns; same++)
        {
            var other = _events[same];
            if (other.Kind == record.Kind && other.Device == record.Device && other.IfIndex == record.IfIndex)
            {
                return false;
            }
        }

        if (at >= MaxEvents)
        {
            return false;
        }

        _events.Insert(at, record);
        if (_events.Count > MaxEvents)
        {
            _events.RemoveAt(_events.Count - 1);
        }

        return true;
    }

    private static string? Tag(LinePoint point, string key)
    {
        foreach (var (k, v) in point.TagSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    private static LineValue? Field(LinePoint point, string key)
    {
        foreach (var (k, v) in point.FieldSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    private static string? Text(LinePoint point, string key) =>
        Field(point, key) is { Kind: LineValueKind.String } v ? v.AsString : null;

    private static double? Number(LinePoint point, string key) => Field(point, key) switch
    {
        { Kind: LineValueKind.Double } v when double.IsFinite(v.AsDouble) => v.AsDouble,
        { Kind: LineValueKind.Integer } v => v.AsInteger,
        { Kind: LineValueKind.UInteger } v => v.AsUInteger,
        { Kind: LineValueKind.Boolean } v => v.AsBoolean ? 1 : 0,
        _ => null,
    };

    private static long? Integer(LinePoint point, string key) => Field(point, key) switch
    {
        { Kind: LineValueKind.Integer } v => v.AsInteger,
        // Counters above long.MaxValue are not meaningful here (speed, errors): clamp rather than wrap to a negative.
        { Kind: LineValueKind.UInteger } v => v.AsUInteger > long.MaxValue ? long.MaxValue : (long)v.AsUInteger,
        { Kind: LineValueKind.Double } v when double.IsFinite(v.AsDouble) => (long)Math.Clamp(v.AsDouble, long.MinValue, long.MaxValue),
        { Kind: LineValueKind.Boolean } v => v.AsBoolean ? 1 : 0,
        _ => null,
    };
}

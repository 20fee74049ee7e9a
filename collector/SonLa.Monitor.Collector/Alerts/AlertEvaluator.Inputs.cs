using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    public void Connected(string siteId, Hello hello, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(hello);
        var site = Site(siteId);
        site.Streams++;
        site.Watched = true;
        if (!site.Remembered)
        {
            _store.RememberSite(siteId, at);
            site.Remembered = true;
        }

        if (at > site.LastActivity)
        {
            site.LastActivity = at;
        }

        if (!string.IsNullOrWhiteSpace(hello.SiteName))
        {
            site.HelloName = hello.SiteName;
        }

        site.LearnDevices(hello.Devices);
        Evaluate(site, _time.GetUtcNow());
    }

    public void Activity(string siteId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        var site = Site(siteId);
        if (at > site.LastActivity)
        {
            site.LastActivity = at;
        }

        // Only a site that was offline has anything to re-evaluate on a heartbeat (a silent open stream).
        if (site.Alerts.ContainsKey(new AlertKey(AlertRules.SiteOffline, siteId, null, null)))
        {
            Evaluate(site, _time.GetUtcNow());
        }
    }

    public void Disconnected(string siteId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        var site = Site(siteId);
        site.Streams = Math.Max(0, site.Streams - 1);
        Evaluate(site, _time.GetUtcNow());
    }

    /// <summary>
    /// A stored batch. A sample counts only when it is newer than what is known of its thing, so a backlog never
    /// undoes live state; state from a backlog (<see cref="IngestedBatch.Backfill"/>) never notifies by itself.
    /// Events are evaluated one by one (a linkDown then linkUp in one batch is two changes, for flapping).
    /// </summary>
    public void Apply(IngestedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var site = Site(batch.SiteId);
        var now = _time.GetUtcNow();
        var live = !batch.Backfill;
        var changed = false;
        foreach (var point in batch.Points)
        {
            switch (point.Measurement)
            {
                case IngestedBatch.EventMeasurement:
                    if (ApplyEvent(site, point, live, now))
                    {
                        Evaluate(site, now);
                        changed = false;
                    }

                    break;
                case "interface":
                    changed |= ApplyInterface(site, point, live, now);
                    break;
                case "device":
                    changed |= ApplyDevice(site, point, live, now);
                    break;
                case "ups":
                    changed |= ApplyUps(site, point, live, now);
                    break;
                case "selfcheck":
                    changed |= ApplyCheck(site, point, live, now);
                    break;
                case "agent":
                    changed |= ApplyAgent(site, point, live, now);
                    break;
                default:
                    break;
            }
        }

        if (changed)
        {
            Evaluate(site, now);
        }
    }

    private bool ApplyEvent(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        var kind = Tag(point, "kind");
        var deviceName = Tag(point, "device");
        var ns = point.TimestampNs;
        var at = Since(ns, now);
        switch (kind)
        {
            case "link_down" or "link_up":
            {
                if (string.IsNullOrEmpty(deviceName) || Tag(point, "if_index") is not { Length: > 0 } ifIndex)
                {
                    return false;
                }

                var port = Port(site, site.Device(deviceName), null, ifIndex);
                if (ns < port.LastNs)
                {
                    return false;
                }

                port.LastNs = ns;
                port.Live = live;
                var down = kind == "link_down";
                port.OperStatus = down ? 2 : 1;
                // A trap from the backlog is history: it may open an alert, never fire one at once.
                port.DownFromTrap = down && live;
                port.DownSince = down ? port.DownSince ?? at : null;
                return true;
            }

            case "unreachable" or "reachable":
                return !string.IsNullOrEmpty(deviceName) && SetReachable(site.Device(deviceName), kind == "reachable", ns, at, live);
            case "reboot" or "cold_start" or "warm_start":
            {
                if (string.IsNullOrEmpty(deviceName))
                {
                    return false;
                }

                var device = site.Device(deviceName);
                if (ns <= device.RebootNs)
                {
                    return false;
                }

                device.RebootNs = ns;
                device.RebootLive = live;
                device.RebootAt = at;
                return true;
            }

            case "power_lost" or "power_restored":
                return !string.IsNullOrEmpty(deviceName) && SetOnBattery(site.Device(deviceName), kind == "power_lost", ns, at, live);
            case "clock_skew":
                if (ns < site.ClockNs)
                {
                    return false;
                }

                site.ClockNs = ns;
                site.ClockLive = live;
                site.SkewSince ??= at;
                return true;
            default:
                return false;
        }
    }

    private bool ApplyInterface(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName || Tag(point, "if_index") is not { Length: > 0 } ifIndex)
        {
            return false;
        }

        var device = site.Device(deviceName);
        var port = Port(site, device, Tag(point, "if_name"), ifIndex);
        var ns = point.TimestampNs;
        if (ns < port.LastNs)
        {
            return false;
        }

        var at = Since(ns, now);
        port.LastNs = ns;
        port.Live = live;
        var admin = Number(point, "admin_status");
        var oper = Number(point, "oper_status");
        if (admin is not null || oper is not null)
        {
            port.AdminStatus = admin is { } a ? (int)a : port.AdminStatus;
            port.OperStatus = oper is { } o ? (int)o : port.OperStatus;
            port.DownFromTrap = false;
            port.DownSince = port.IsDown ? port.DownSince ?? at : null;
        }

        var settings = _rules.For(AlertRules.HighUtilization, site.SiteId, deviceName);
        if (Number(point, "speed_bps") is > 0 and var speed && (Number(point, "in_bps") is { } || Number(point, "out_bps") is { }))
        {
            var busiest = Math.Max(Number(point, "in_bps") ?? 0, Number(point, "out_bps") ?? 0);
            port.UtilizationPercent = busiest / speed * 100;
            port.HighSince = port.UtilizationPercent >= settings.ThresholdPercent ? port.HighSince ?? at : null;
        }

        var inErrors = Number(point, "in_errors");
        var outErrors = Number(point, "out_errors");
        if (inErrors is not null || outErrors is not null)
        {
            var total = (ulong)((inErrors ?? 0) + (outErrors ?? 0));
            var reset = Number(point, "counter_reset") is > 0;
            if (port.ErrorCounter is { } previous && !reset && total >= previous && ns > port.ErrorCounterNs)
            {
                var minutes = (ns - port.ErrorCounterNs) / 60e9;
                port.ErrorsPerMinute = (total - previous) / minutes;
                var limit = _rules.For(AlertRules.InterfaceErrors, site.SiteId, deviceName).ErrorsPerMinute;
                port.ErrorsSince = port.ErrorsPerMinute > limit ? port.ErrorsSince ?? at : null;
            }

            // A counter that went back is a reset (device or agent restart): a new baseline, never an alert.
            port.ErrorCounter = total;
            port.ErrorCounterNs = ns;
        }

        return true;
    }

    private static bool ApplyDevice(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName || Number(point, "reachable") is not { } reachable)
        {
            return false;
        }

        return SetReachable(site.Device(deviceName), reachable > 0, point.TimestampNs, Since(point.TimestampNs, now), live);
    }

    private bool ApplyUps(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        if (Tag(point, "device") is not { Length: > 0 } deviceName)
        {
            return false;
        }

        var device = site.Device(deviceName);
        var ns = point.TimestampNs;
        if (ns < device.UpsNs)
        {
            return false;
        }

        var at = Since(ns, now);
        if (Number(point, "on_battery") is { } onBattery)
        {
            SetOnBattery(device, onBattery > 0, ns, at, live);
        }

        var percent = Number(point, "battery_percent");
        var runtime = Number(point, "runtime_min");
        if (percent is not null || runtime is not null)
        {
            var settings = _rules.For(AlertRules.UpsBatteryLow, site.SiteId, deviceName);
            device.BatteryPercent = percent ?? device.BatteryPercent;
            device.RuntimeMinutes = runtime ?? device.RuntimeMinutes;
            var low = percent < settings.BatteryPercent || runtime < settings.RuntimeMinutes;
            device.LowSince = low ? device.LowSince ?? at : null;
        }

        device.UpsNs = ns;
        device.UpsLive = live;
        return true;
    }

    private static bool ApplyCheck(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        if (Tag(point, "check") is not { Length: > 0 } check || Number(point, "status") is not { } status)
        {
            return false;
        }

        if (!site.Checks.TryGetValue(check, out var state))
        {
            state = new CheckState();
            site.Checks[check] = state;
        }

        if (point.TimestampNs < state.LastNs)
        {
            return false;
        }

        state.LastNs = point.TimestampNs;
        state.Live = live;
        state.Status = (int)status;
        state.FailingSince = status >= 2 ? state.FailingSince ?? Since(point.TimestampNs, now) : null;
        return true;
    }

    private bool ApplyAgent(SiteState site, LinePoint point, bool live, DateTimeOffset now)
    {
        if (Number(point, "clock_offset_ms") is not { } offset || point.TimestampNs < site.ClockNs)
        {
            return false;
        }

        site.ClockNs = point.TimestampNs;
        site.ClockLive = live;
        site.ClockOffsetMs = offset;
        var limit = _rules.For(AlertRules.ClockSkew, site.SiteId).OffsetMilliseconds;
        site.SkewSince = Math.Abs(offset) > limit ? site.SkewSince ?? Since(point.TimestampNs, now) : null;
        return true;
    }

    private static bool SetReachable(DeviceState device, bool reachable, long ns, DateTimeOffset at, bool live)
    {
        if (ns < device.ReachNs)
        {
            return false;
        }

        device.ReachNs = ns;
        device.ReachLive = live;
        device.Reachable = reachable;
        device.UnreachableSince = reachable ? null : device.UnreachableSince ?? at;
        return true;
    }

    private static bool SetOnBattery(DeviceState device, bool onBattery, long ns, DateTimeOffset at, bool live)
    {
        if (ns < device.UpsNs)
        {
            return false;
        }

        device.UpsNs = ns;
        device.UpsLive = live;
        device.OnBattery = onBattery;
        device.OnBatterySince = onBattery ? device.OnBatterySince ?? at : null;
        return true;
    }
}

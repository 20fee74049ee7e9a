using SonLa.Monitor.Collector.Alerts;

namespace SonLa.Monitor.Collector.Sites;

internal sealed partial class SiteRecord
{
    private static readonly string?[] OperNames = [null, "up", "down", "testing", "unknown", "dormant", "notPresent", "lowerLayerDown"];

    public SiteDetail Detail(DateTimeOffset now, TimeSpan silence, SiteAlertCounts alerts)
    {
        lock (_gate)
        {
            var (status, connected, uplink) = State(now, silence, alerts);
            var agent = _version is null && _bootId is null && _clockOffsetMs is null
                ? null
                : new AgentView(_version, _bootId, connected ? _connectedSince : null, _clockOffsetMs);
            var devices = new List<DeviceView>(_devices.Count);
            foreach (var device in _devices)
            {
                devices.Add(View(device));
            }

            var events = new List<SiteEventView>(_events.Count);
            foreach (var e in _events)
            {
                events.Add(new SiteEventView(Time(e.Ns), e.Device, e.Kind, e.Message));
            }

            return new SiteDetail(Id, _inventoryName ?? _helloName ?? Id, District, status, connected, _lastSeen, alerts.Open, uplink,
                agent, devices, SelfCheck(), events);
        }
    }

    private SelfCheckView? SelfCheck()
    {
        if (_checks.Count == 0)
        {
            return null;
        }

        var worst = 0;
        var checks = new List<SelfCheckItemView>(_checks.Count);
        foreach (var check in _checks)
        {
            worst = Math.Max(worst, check.Status);
            checks.Add(new SelfCheckItemView(check.Id, CheckStatusName(check.Status), check.Message, check.MessageEn, check.Hint, check.HintEn));
        }

        return new SelfCheckView(Time(_selfcheckNs), CheckStatusName(worst), checks);
    }

    private static DeviceView View(DeviceRecord device)
    {
        var ports = device.Interfaces.Values.ToList();
        ports.Sort(static (a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.IfIndex, b.IfIndex));
        var interfaces = new List<InterfaceView>(ports.Count);
        var updated = device.Ns;
        foreach (var port in ports)
        {
            var utilization = port.SpeedBps is > 0 && (port.InBps is not null || port.OutBps is not null)
                ? Math.Round(Math.Max(port.InBps ?? 0, port.OutBps ?? 0) / port.SpeedBps.Value * 100, 2)
                : (double?)null;
            interfaces.Add(new InterfaceView(port.IfIndex, port.Name, port.Alias, StatusName(port.AdminStatus), StatusName(port.OperStatus),
                port.InBps, port.OutBps, port.SpeedBps, utilization, port.InErrors, port.OutErrors, port.Ns > 0 ? Time(port.Ns) : null));
        }

        var ups = device.Ups is { } u
            ? new UpsView(u.OnBattery, u.BatteryPercent, u.RuntimeMin, u.OutputLoadPercent, u.Ns > 0 ? Time(u.Ns) : null)
            : null;
        return new DeviceView(device.Name, device.Role, device.Reachable, device.ResponseMs, device.UptimeS,
            updated > 0 ? Time(updated) : null, interfaces, ups);
    }

    private static string? StatusName(int? status) => status is { } s && s > 0 && s < OperNames.Length ? OperNames[s] : null;

    private static string CheckStatusName(int status) => status switch
    {
        0 => "ok",
        1 => "warn",
        _ => "fail",
    };

    private static DateTimeOffset Time(long ns) => DateTimeOffset.UnixEpoch.AddTicks(ns / 100);
}

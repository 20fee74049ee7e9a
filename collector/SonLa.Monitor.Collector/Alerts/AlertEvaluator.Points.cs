using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    /// <summary>
    /// The interface by name. Traps carry only the index: found through it, or named by it until a poll names it;
    /// then the interface and its open alerts (also ones loaded at start) take the name.
    /// </summary>
    private InterfaceState Port(SiteState site, DeviceState device, string? ifName, string ifIndex)
    {
        if (string.IsNullOrEmpty(ifName))
        {
            ifName = device.LabelByIndex.TryGetValue(ifIndex, out var known) ? known : ifIndex;
        }

        if (device.Interfaces.TryGetValue(ifName, out var port))
        {
            port.IfIndex = ifIndex;
            device.LabelByIndex[ifIndex] = ifName;
            return port;
        }

        if (device.Interfaces.Remove(ifIndex, out var unnamed))
        {
            unnamed.Label = ifName;
            port = unnamed;
        }
        else
        {
            port = new InterfaceState(ifName, ifIndex);
        }

        device.Interfaces[ifName] = port;
        device.LabelByIndex[ifIndex] = ifName;
        if (!string.Equals(ifName, ifIndex, StringComparison.Ordinal))
        {
            RenameAlerts(site, device.Name, ifIndex, ifName);
        }

        return port;
    }

    private void RenameAlerts(SiteState site, string device, string from, string to)
    {
        List<ActiveAlert>? renamed = null;
        foreach (var (key, alert) in site.Alerts)
        {
            if (string.Equals(key.Device, device, StringComparison.Ordinal) && string.Equals(key.Interface, from, StringComparison.Ordinal)
                && AlertRules.IsInterfaceRule(key.Rule) && !site.Alerts.ContainsKey(key with { Interface = to }))
            {
                (renamed ??= []).Add(alert);
            }
        }

        foreach (var alert in renamed ?? [])
        {
            site.Alerts.Remove(alert.Key);
            alert.Key = alert.Key with { Interface = to };
            site.Alerts[alert.Key] = alert;
            _store.Update(alert);
        }
    }

    private static DateTimeOffset Since(long ns, DateTimeOffset now)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(ns / 1_000_000);
        return at > now ? now : at;
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

    private static double? Number(LinePoint point, string key)
    {
        foreach (var (k, v) in point.FieldSpan)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v.Kind switch
                {
                    Storage.LineValueKind.Double => v.AsDouble,
                    Storage.LineValueKind.Integer => v.AsInteger,
                    Storage.LineValueKind.UInteger => v.AsUInteger,
                    Storage.LineValueKind.Boolean => v.AsBoolean ? 1 : 0,
                    _ => null,
                };
            }
        }

        return null;
    }
}

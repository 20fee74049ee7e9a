namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    /// <summary>Every rule's condition that holds now for the site, from what is known of it.</summary>
    private void CollectConditions(SiteState site, DateTimeOffset now, List<AlertCondition> conditions)
    {
        var id = site.SiteId;
        if (site.Watched && (site.Streams == 0 || now - site.LastActivity >= _streamSilence))
        {
            conditions.Add(new AlertCondition(new AlertKey(AlertRules.SiteOffline, id, null, null), site.LastActivity, Immediate: false, Live: true));
        }

        foreach (var device in site.Devices.Values)
        {
            var name = device.Name;
            if (device.Reachable == false && device.UnreachableSince is { } unreachable)
            {
                conditions.Add(new AlertCondition(new AlertKey(AlertRules.DeviceUnreachable, id, name, null), unreachable, false, device.ReachLive));
            }

            if (device.RebootAt is { } reboot && now - reboot < _rules.For(AlertRules.DeviceRebooted, id, name).ResolveAfter)
            {
                conditions.Add(new AlertCondition(new AlertKey(AlertRules.DeviceRebooted, id, name, null), reboot, false, device.RebootLive));
            }

            if (device.OnBattery == true && device.OnBatterySince is { } onBattery)
            {
                conditions.Add(new AlertCondition(new AlertKey(AlertRules.UpsOnBattery, id, name, null), onBattery, false, device.UpsLive));
            }

            if (device.LowSince is { } low)
            {
                conditions.Add(new AlertCondition(new AlertKey(AlertRules.UpsBatteryLow, id, name, null), low, false, device.UpsLive,
                    device.BatteryPercent, device.RuntimeMinutes));
            }

            foreach (var port in device.Interfaces.Values)
            {
                if (port.IsDown && port.DownSince is { } down)
                {
                    conditions.Add(new AlertCondition(new AlertKey(AlertRules.LinkDown, id, name, port.Label), down, port.DownFromTrap, port.Live));
                }

                if (port.HighSince is { } high)
                {
                    conditions.Add(new AlertCondition(new AlertKey(AlertRules.HighUtilization, id, name, port.Label), high, false, port.Live,
                        port.UtilizationPercent));
                }

                if (port.ErrorsSince is { } errors)
                {
                    conditions.Add(new AlertCondition(new AlertKey(AlertRules.InterfaceErrors, id, name, port.Label), errors, false, port.Live,
                        port.ErrorsPerMinute));
                }
            }
        }

        foreach (var (check, state) in site.Checks)
        {
            if (state.FailingSince is { } failing)
            {
                conditions.Add(new AlertCondition(new AlertKey(AlertRules.SelfcheckFailed, id, null, check), failing, false, state.Live));
            }
        }

        if (site.SkewSince is { } skew)
        {
            conditions.Add(new AlertCondition(new AlertKey(AlertRules.ClockSkew, id, null, null), skew, false, site.ClockLive, site.ClockOffsetMs));
        }
    }
}

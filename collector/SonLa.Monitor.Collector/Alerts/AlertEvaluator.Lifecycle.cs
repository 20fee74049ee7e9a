using System.Globalization;
using SonLa.Monitor.Collector.Alerts.Text;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    private void Fire(SiteState site, ActiveAlert alert, DateTimeOffset now, AlertCondition? condition)
    {
        alert.State = AlertState.Firing;
        alert.FiredAt = now;
        Classify(site, alert, now);
        if (condition is { } c)
        {
            var text = _texts.Firing(alert.Key, alert.SiteName, alert.StartedAt, now, c.Value, c.Value2);
            alert.MessageVi = text.Vi;
            alert.MessageEn = text.En;
        }

        _store.Update(alert);
        AlertLog.Fired(_logger, alert.Id, alert.Key.Rule, alert.Key.Site, alert.Key.Device ?? "-", alert.Key.Interface ?? "-");
        if (alert.Key.Rule == AlertRules.SiteOffline)
        {
            _outages?.SiteWentDark(alert.Key.Site, alert.StartedAt);
        }

        if (!alert.Flapping && alert.ConditionLive && MayNotify(alert, now))
        {
            Send(site, alert, NotificationKind.Firing, "firing", FiringText(site, alert), alert.StartedAt, now);
        }
    }

    /// <summary>Suppression (site offline, device unreachable), the uplink cause and maintenance, fixed when it fires.</summary>
    private void Classify(SiteState site, ActiveAlert alert, DateTimeOffset now)
    {
        var key = alert.Key;
        alert.InMaintenance = InMaintenance(key, now);
        if (key.Rule != AlertRules.SiteOffline)
        {
            if (site.Alerts.TryGetValue(new AlertKey(AlertRules.SiteOffline, key.Site, null, null), out var offline))
            {
                alert.SuppressedBy = offline.Id;
                return;
            }

            if (key.Device is not null && key.Rule != AlertRules.DeviceUnreachable
                && site.Alerts.TryGetValue(new AlertKey(AlertRules.DeviceUnreachable, key.Site, key.Device, null), out var unreachable))
            {
                alert.SuppressedBy = unreachable.Id;
                return;
            }
        }

        // Power is a cause of its own, never a consequence of the WAN.
        if (key.Rule is AlertRules.UpsOnBattery or AlertRules.UpsBatteryLow)
        {
            return;
        }

        ActiveAlert? cause = null;
        foreach (var other in site.Alerts.Values)
        {
            if (other != alert && other.State == AlertState.Firing
                && other.Key.Rule is AlertRules.LinkDown or AlertRules.DeviceUnreachable
                && other.CauseAlertId is null
                && site.IsUplink(other.Key.Device)
                && alert.StartedAt >= other.StartedAt - TimeSpan.FromMinutes(1)
                && alert.StartedAt <= other.StartedAt + _causeWindow
                && (cause is null || other.StartedAt < cause.StartedAt))
            {
                cause = other;
            }
        }

        alert.CauseAlertId = cause?.Id;
    }

    /// <summary>Not suppressed, not following from the uplink (site_offline always speaks) and not in a maintenance window.</summary>
    private bool MayNotify(ActiveAlert alert, DateTimeOffset now) =>
        alert.SuppressedBy is null
        && (alert.CauseAlertId is null || alert.Key.Rule == AlertRules.SiteOffline)
        && !InMaintenance(alert.Key, now);

    private AlertText FiringText(SiteState site, ActiveAlert alert)
    {
        var text = new AlertText(alert.MessageVi, alert.MessageEn);
        if (alert.CauseAlertId is { } causeId && _byId.TryGetValue(causeId, out var cause) && cause.Key.Site == site.SiteId)
        {
            text = AlertTexts.WithCause(text, new AlertText(cause.MessageVi, cause.MessageEn));
        }

        return text;
    }

    private void Resolve(SiteState site, ActiveAlert alert, DateTimeOffset now)
    {
        alert.State = AlertState.Resolved;
        alert.ResolvedAt = now;
        alert.Flapping = false;
        site.Alerts.Remove(alert.Key);
        _byId.Remove(alert.Id);
        var notify = alert.Notified && !InMaintenance(alert.Key, now);
        if (alert.Key.Rule == AlertRules.SiteOffline && _outages is not null)
        {
            // The outage recorder sends the one "site back" notice with the timeline, instead of a resolved notice.
            _store.Update(alert);
            _outages.SiteCameBack(alert.Key.Site, now, UplinkDevice(site), silenced: !notify);
        }
        else if (notify)
        {
            Send(site, alert, NotificationKind.Resolved, "resolved",
                _texts.Resolved(alert.Key, alert.SiteName, alert.StartedAt, now, now), now, now);
        }
        else
        {
            _store.Update(alert);
        }

        AlertLog.Resolved(_logger, alert.Id, alert.Key.Rule, alert.Key.Site);
    }

    private static string? UplinkDevice(SiteState site)
    {
        foreach (var device in site.Devices.Values)
        {
            if (device.IsUplink)
            {
                return device.Name;
            }
        }

        return null;
    }

    private void StartFlapping(SiteState site, ActiveAlert alert, DateTimeOffset now)
    {
        alert.Flapping = true;
        if (alert.State == AlertState.Pending)
        {
            Fire(site, alert, now, null);
        }
        else
        {
            _store.Update(alert);
        }

        AlertLog.Flapping(_logger, alert.Id, alert.Key.Rule, alert.Key.Site);
        if (MayNotify(alert, now))
        {
            var count = site.Transitions.TryGetValue(alert.Key, out var times) ? times.Count : _options.FlappingTransitions + 1;
            Send(site, alert, NotificationKind.Flapping, "flapping-" + Seconds(now),
                _texts.Flapping(alert.Key, alert.SiteName, count, _flappingWindow), now, now);
        }
    }

    /// <summary>After the conditions: a flapping alert that calmed down, notices held back (maintenance, backfill), reminders.</summary>
    private void FollowUp(SiteState site, ActiveAlert alert, DateTimeOffset now)
    {
        if (alert.Flapping)
        {
            var last = site.Transitions.TryGetValue(alert.Key, out var times) && times.Count > 0 ? times[^1] : DateTimeOffset.MinValue;
            if (now - last < _flappingWindow)
            {
                return;
            }

            alert.Flapping = false;
            if (!alert.ConditionTrue)
            {
                Resolve(site, alert, now);
                return;
            }

            _store.Update(alert);
            if (MayNotify(alert, now))
            {
                Send(site, alert, NotificationKind.Firing, "stable-" + Seconds(now), AlertTexts.Stable(FiringText(site, alert)), alert.StartedAt, now);
            }

            return;
        }

        if (alert.State != AlertState.Firing || !MayNotify(alert, now))
        {
            return;
        }

        if (alert.LastNotified is null)
        {
            // Held back so far (maintenance, backfilled evidence, a failed enqueue): told once it is live and allowed.
            if (alert.ConditionLive)
            {
                Send(site, alert, NotificationKind.Firing, "firing", FiringText(site, alert), alert.StartedAt, now);
            }

            return;
        }

        if (_options.RepeatMinutes > 0 && alert.Severity == NotificationSeverity.Critical && alert.Acknowledged is null
            && alert.LastNotifiedAt is { } at && now - at >= TimeSpan.FromMinutes(_options.RepeatMinutes))
        {
            var n = alert.Reminders + 1;
            if (Send(site, alert, NotificationKind.Reminder, "reminder-" + n.ToString(CultureInfo.InvariantCulture),
                    AlertTexts.Reminder(FiringText(site, alert)), alert.StartedAt, now))
            {
                alert.Reminders = n;
                _store.Update(alert);
            }
        }
    }

    private bool Send(SiteState site, ActiveAlert alert, NotificationKind kind, string suffix, AlertText text, DateTimeOffset occurredAt, DateTimeOffset now)
    {
        var id = "alert-" + alert.Id.ToString(CultureInfo.InvariantCulture) + "-" + suffix;
        if (_dispatcher is not null)
        {
            var details = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["state"] = AlertStore.StateText(alert.State),
                ["started_at"] = alert.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            };
            if (alert.CauseAlertId is { } cause)
            {
                details["cause_alert_id"] = cause.ToString(CultureInfo.InvariantCulture);
            }

            if (alert.Flapping)
            {
                details["flapping"] = "true";
            }

            try
            {
                _dispatcher.Enqueue(new Notification
                {
                    Id = id,
                    Kind = kind,
                    Rule = alert.Key.Rule,
                    Severity = alert.Severity,
                    SiteId = site.SiteId,
                    SiteName = alert.SiteName,
                    District = District(site.SiteId),
                    Device = alert.Key.Device,
                    Interface = alert.Key.Interface,
                    AlertId = alert.Id,
                    OccurredAt = occurredAt,
                    TitleVi = FirstLine(text.Vi),
                    TextVi = text.Vi,
                    TitleEn = FirstLine(text.En),
                    TextEn = text.En,
                    Details = details,
                });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                AlertLog.NotifyFailed(_logger, alert.Id, id, ex.GetType().Name, ex.Message);
                return false;
            }
        }

        alert.LastNotified = kind;
        alert.LastNotifiedAt = now;
        _store.Update(alert);
        return true;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

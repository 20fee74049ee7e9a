using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Alerts.Text;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// The alert engine's core: per-site state, rule conditions, pending → firing → resolved, flapping, suppression,
/// maintenance, reminders, persistence and notifications. Single-threaded and deterministic: every call is made by
/// one thread (the <see cref="AlertEngine"/> loop, or a test/bench) and reads time from the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AlertEvaluator
{
    private readonly AlertingOptions _options;
    private readonly RuleSettingsResolver _rules;
    private readonly AlertStore _store;
    private readonly INotificationDispatcher? _dispatcher;
    private readonly IOutageRecorder? _outages;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AlertTexts _texts;
    private readonly TimeSpan _streamSilence;
    private readonly TimeSpan _flappingWindow;
    private readonly TimeSpan _causeWindow;
    private readonly Dictionary<string, SiteOptions> _inventory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SiteState> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ActiveAlert> _byId = [];
    private readonly List<MaintenanceWindow> _windows = [];
    private readonly List<AlertCondition> _conditions = [];
    private readonly List<ActiveAlert> _scratch = [];
    private long _pass;

    /// <param name="heartbeatIntervalSeconds">Ingest:HeartbeatIntervalSeconds: an open stream silent 2.5 times this long counts as gone.</param>
    /// <param name="dispatcher">Null: alerts are recorded, nobody is told.</param>
    /// <param name="outages">The outage recorder (site went dark / came back); null: site_offline ends with a plain resolved notice.</param>
    /// <param name="agents">The sites allowed to connect (<c>Agents</c>): those seen before (in the state database) are watched from
    /// the start, so one that does not come back after a collector restart goes offline. Null: none.</param>
    public AlertEvaluator(AlertingOptions options, int heartbeatIntervalSeconds, AlertStore store, INotificationDispatcher? dispatcher,
        IOutageRecorder? outages, IEnumerable<SiteOptions> sites, TimeProvider time, ILogger? logger = null, IEnumerable<string>? agents = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _rules = new RuleSettingsResolver(options);
        _store = store;
        _dispatcher = dispatcher;
        _outages = outages;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _texts = new AlertTexts(AlertTimeZone.Resolve(options.TimeZone));
        _streamSilence = TimeSpan.FromSeconds(Math.Max(1, heartbeatIntervalSeconds) * 2.5);
        _flappingWindow = TimeSpan.FromMinutes(options.FlappingWindowMinutes);
        _causeWindow = TimeSpan.FromMinutes(options.CauseWindowMinutes);
        foreach (var site in sites)
        {
            if (!string.IsNullOrEmpty(site.Id))
            {
                _inventory[site.Id] = site;
            }
        }

        var now = time.GetUtcNow();
        if (agents is not null)
        {
            var allowed = new HashSet<string>(agents, StringComparer.Ordinal);
            foreach (var known in store.KnownSites())
            {
                if (allowed.Contains(known))
                {
                    var state = Site(known);
                    state.Watched = true;
                    state.Remembered = true;
                    state.LastActivity = now;
                }
            }
        }

        foreach (var alert in store.LoadActive())
        {
            var state = Site(alert.Key.Site);
            // A site with an open alert is watched from the start: still silent after the hold-down, it stays offline.
            state.Watched = true;
            state.LastActivity = now;
            state.Alerts[alert.Key] = alert;
            _byId[alert.Id] = alert;
        }

        _windows.AddRange(store.ListMaintenance(now));
        if (dispatcher is null)
        {
            AlertLog.NoDispatcher(_logger);
        }

        AlertLog.Started(_logger, _byId.Count, _windows.Count);
    }

    public int SiteCount => _sites.Count;

    public int ActiveAlertCount => _byId.Count;

    /// <summary>Evaluates every site at the current time: hold-downs, site_offline, flapping ends, maintenance ends, reminders.</summary>
    public void Tick()
    {
        var now = _time.GetUtcNow();
        if (_windows.Count > 0)
        {
            _windows.RemoveAll(w => w.EndsAt <= now);
        }

        foreach (var site in _sites.Values)
        {
            Evaluate(site, now);
        }
    }

    private SiteState Site(string siteId)
    {
        if (!_sites.TryGetValue(siteId, out var site))
        {
            site = new SiteState(siteId);
            _sites[siteId] = site;
        }

        return site;
    }

    private string SiteName(SiteState site) =>
        _inventory.TryGetValue(site.SiteId, out var o) && !string.IsNullOrWhiteSpace(o.Name) ? o.Name
        : !string.IsNullOrWhiteSpace(site.HelloName) ? site.HelloName : site.SiteId;

    private string? District(string siteId) => _inventory.TryGetValue(siteId, out var o) ? o.District : null;

    private bool InMaintenance(AlertKey key, DateTimeOffset now)
    {
        foreach (var window in _windows)
        {
            if (window.Covers(key.Site, key.Device, now))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One evaluation of one site: conditions against open alerts.</summary>
    private void Evaluate(SiteState site, DateTimeOffset now)
    {
        var pass = ++_pass;
        _conditions.Clear();
        CollectConditions(site, now, _conditions);
        foreach (var condition in _conditions)
        {
            var settings = _rules.For(condition.Key.Rule, site.SiteId, condition.Key.Device);
            if (!settings.Enabled)
            {
                continue;
            }

            if (site.Alerts.TryGetValue(condition.Key, out var alert))
            {
                alert.SeenPass = pass;
                alert.ConditionLive = condition.Live;
                if (!alert.ConditionTrue)
                {
                    // A flapping alert whose condition came back.
                    alert.ConditionTrue = true;
                    Transition(site, condition.Key, now);
                }

                if (alert.State == AlertState.Pending && (condition.Immediate || now - alert.StartedAt >= settings.HoldDown))
                {
                    Fire(site, alert, now, condition);
                }

                continue;
            }

            var flapping = condition.Key.Rule != AlertRules.DeviceRebooted && Transition(site, condition.Key, now);
            alert = Open(site, condition, settings, now, pass);
            if (flapping)
            {
                StartFlapping(site, alert, now);
            }
            else if (condition.Immediate || now - alert.StartedAt >= settings.HoldDown)
            {
                Fire(site, alert, now, condition);
            }
        }

        _scratch.Clear();
        foreach (var alert in site.Alerts.Values)
        {
            if (alert.SeenPass != pass)
            {
                _scratch.Add(alert);
            }
        }

        foreach (var alert in _scratch)
        {
            Ended(site, alert, now);
        }

        foreach (var alert in site.Alerts.Values)
        {
            _scratch.Add(alert);
        }

        foreach (var alert in _scratch)
        {
            if (alert.State != AlertState.Resolved)
            {
                FollowUp(site, alert, now);
            }
        }

        if (site.Transitions.Count > 0)
        {
            ForgetOldTransitions(site, now);
        }
    }

    private ActiveAlert Open(SiteState site, AlertCondition condition, RuleSettings settings, DateTimeOffset now, long pass)
    {
        var siteName = SiteName(site);
        var since = condition.Since > now ? now : condition.Since;
        var text = _texts.Firing(condition.Key, siteName, since, now, condition.Value, condition.Value2);
        var alert = new ActiveAlert
        {
            Key = condition.Key,
            SiteName = siteName,
            State = AlertState.Pending,
            Severity = settings.Severity,
            StartedAt = since,
            MessageVi = text.Vi,
            MessageEn = text.En,
            ConditionLive = condition.Live,
            SeenPass = pass,
        };
        _store.Insert(alert);
        site.Alerts[condition.Key] = alert;
        _byId[alert.Id] = alert;
        return alert;
    }

    /// <summary>An open alert whose condition no longer holds.</summary>
    private void Ended(SiteState site, ActiveAlert alert, DateTimeOffset now)
    {
        var key = alert.Key;
        if (key.Rule == AlertRules.DeviceRebooted)
        {
            // One-shot: it ends by itself, whatever is known of the device (also after a collector restart).
            var after = _rules.For(key.Rule, key.Site, key.Device).ResolveAfter;
            if (now - alert.StartedAt >= after)
            {
                Resolve(site, alert, now);
            }

            return;
        }

        if (!HasEvidence(site, key))
        {
            // Loaded at start and nothing heard of its thing since: unknown is not "over".
            return;
        }

        if (!alert.ConditionTrue)
        {
            return;
        }

        alert.ConditionTrue = false;
        var flapping = Transition(site, key, now);
        if (alert.Flapping)
        {
            _store.Update(alert);
            return;
        }

        if (flapping)
        {
            StartFlapping(site, alert, now);
            return;
        }

        if (alert.State == AlertState.Pending)
        {
            // Cleared during its hold-down: it never was an alert.
            _store.Delete(alert.Id);
            site.Alerts.Remove(key);
            _byId.Remove(alert.Id);
            return;
        }

        Resolve(site, alert, now);
    }

    private bool HasEvidence(SiteState site, AlertKey key)
    {
        if (key.Rule == AlertRules.SiteOffline)
        {
            return true;
        }

        if (key.Rule == AlertRules.SelfcheckFailed)
        {
            return key.Interface is not null && site.Checks.ContainsKey(key.Interface);
        }

        if (key.Rule == AlertRules.ClockSkew)
        {
            return site.ClockNs > 0;
        }

        if (!_rules.For(key.Rule, key.Site, key.Device).Enabled)
        {
            return true;
        }

        if (key.Device is null || !site.Devices.TryGetValue(key.Device, out var device))
        {
            return false;
        }

        return key.Rule switch
        {
            AlertRules.DeviceUnreachable => device.ReachNs > 0,
            AlertRules.UpsOnBattery or AlertRules.UpsBatteryLow => device.UpsNs > 0,
            _ => key.Interface is not null && device.Interfaces.TryGetValue(key.Interface, out var i) && i.LastNs > 0,
        };
    }

    /// <summary>Records a change of the condition; true when that makes it flapping.</summary>
    private bool Transition(SiteState site, AlertKey key, DateTimeOffset now)
    {
        if (!site.Transitions.TryGetValue(key, out var times))
        {
            times = [];
            site.Transitions[key] = times;
        }

        times.RemoveAll(t => now - t > _flappingWindow);
        times.Add(now);
        return times.Count > _options.FlappingTransitions
            && !(site.Alerts.TryGetValue(key, out var alert) && alert.Flapping);
    }

    private void ForgetOldTransitions(SiteState site, DateTimeOffset now)
    {
        List<AlertKey>? old = null;
        foreach (var (key, times) in site.Transitions)
        {
            if (times.Count == 0 || now - times[^1] > _flappingWindow && !site.Alerts.ContainsKey(key))
            {
                (old ??= []).Add(key);
            }
        }

        if (old is not null)
        {
            foreach (var key in old)
            {
                site.Transitions.Remove(key);
            }
        }
    }
}

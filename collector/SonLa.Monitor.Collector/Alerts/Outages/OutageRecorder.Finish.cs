using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts.Outages;

public sealed partial class OutageRecorder
{
    private List<(SiteTrack Track, DarkOutage Dark)> TakeFinished(DateTimeOffset now)
    {
        var quiet = TimeSpan.FromSeconds(_options.BackfillQuietSeconds);
        var maxWait = TimeSpan.FromSeconds(_options.BackfillMaxWaitSeconds);
        var finished = new List<(SiteTrack, DarkOutage)>();
        lock (_lock)
        {
            foreach (var track in _sites.Values)
            {
                if (track.Dark is not { BackAt: { } back } dark)
                {
                    continue;
                }

                var lastNews = dark.LastBackfillAt is { } arrived && arrived > back ? arrived : back;
                var isQuiet = now - lastNews >= quiet;
                if (isQuiet || now - back >= maxWait)
                {
                    dark.Incomplete |= !isQuiet;
                    track.Dark = null;
                    finished.Add((track, dark));
                }
            }
        }

        return finished;
    }

    private Notification? Finish(SiteTrack track, DarkOutage dark, DateTimeOffset now)
    {
        var end = dark.BackAt ?? now;
        var timeline = _builder.Build(new OutageTimelineInput(track.SiteId, dark.Record.Start, end, dark.Evidence)
        {
            Before = dark.Before,
            UplinkDevice = dark.UplinkDevice,
            ReturnBootId = dark.ReturnBootId,
        });
        var record = dark.Record with
        {
            End = end,
            Class = timeline.Class,
            CauseDevice = timeline.CauseDevice,
            Blind = timeline.Blind,
            Timeline = timeline.Entries,
            Incomplete = timeline.Incomplete || dark.Incomplete,
            SiteName = SiteName(track),
            District = District(track.SiteId),
            Closed = true,
        };
        if (!_store.Close(record))
        {
            return null;
        }

        OutageLog.Closed(_logger, track.SiteId, OutageStore.ClassName(record.Class), (long)(end - record.Start).TotalSeconds,
            (long)record.Blind.TotalSeconds, record.Timeline.Count, dark.Evidence.BatchCount,
            dark.Silenced ? " (maintenance window: not notified)" : record.Incomplete ? " (backlog incomplete)" : "");
        if (dark.Silenced || _dispatcher is null)
        {
            return null;
        }

        var notification = SiteBackMessage.Create(record, Text);
        _dispatcher.Enqueue(notification);
        return notification;
    }

    private Notification? Rollup(DateTimeOffset now)
    {
        _lastRollup ??= _store.LastRollup() is { } stored ? new RollupState(stored.Sites, stored.SentAt) : null;
        var active = ActiveOutages;
        if (_rollup.Evaluate(active, _totalSites, _lastRollup, now) is not { } notification)
        {
            return null;
        }

        _store.SaveRollup(active.Count, now, notification.TitleVi);
        _lastRollup = new RollupState(active.Count, now);
        OutageLog.RollupSent(_logger, active.Count, _totalSites);
        _dispatcher?.Enqueue(notification);
        return notification;
    }

    /// <summary>Unclosed outages of the state database (the collector restarted): dark ones keep collecting, back ones finish soon.</summary>
    private void Resume()
    {
        var unclosed = _store.Unclosed();
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var (outage, uplink, silenced) in unclosed)
            {
                var track = Track(outage.SiteId);
                track.Dark = new DarkOutage(outage, null, NewEvidence(track, outage.Start))
                {
                    BackAt = outage.End,
                    UplinkDevice = uplink,
                    Silenced = silenced,
                    // Whatever arrived of its backlog before the restart is gone from memory (it is in InfluxDB).
                    Incomplete = outage.End is not null,
                    LastBackfillAt = outage.End is not null ? now : null,
                };
            }
        }

        if (unclosed.Count > 0)
        {
            OutageLog.Resumed(_logger, unclosed.Count);
        }
    }

    private OutageEvidence NewEvidence(SiteTrack track, DateTimeOffset start) =>
        new((start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100 - (_options.LeadSeconds * 1_000_000_000L), _options.MaxObservationsPerSite,
            track.UplinkDevices.Count > 0 ? new HashSet<string>(track.UplinkDevices, StringComparer.Ordinal) : null);

    private ActiveOutage Active(SiteTrack track, DarkOutage dark)
    {
        var outageClass = OutageClass.Blind;
        if (dark.Before is { } before)
        {
            if (before.LastValues.Any(v => v.Key.Kind == SeriesKind.OnBattery && v.Value.Value == 1)
                || before.RecentEvents.Any(e => e.Kind == "power_lost"))
            {
                outageClass = OutageClass.Power;
            }
            else if (before.LastValues.Any(v => v.Key.Kind == SeriesKind.OperStatus && track.UplinkDevices.Contains(v.Key.Device) && v.Value.Value is 2 or 7)
                     || before.RecentEvents.Any(e => e.Kind == "link_down" && track.UplinkDevices.Contains(e.Device)))
            {
                outageClass = OutageClass.Wan;
            }
        }

        return new ActiveOutage(track.SiteId, SiteName(track), District(track.SiteId), dark.Record.Start, outageClass);
    }

    private SiteTrack Track(string siteId)
    {
        if (!_sites.TryGetValue(siteId, out var track))
        {
            _sites[siteId] = track = new SiteTrack(siteId);
        }

        return track;
    }

    private string? SiteName(SiteTrack track) =>
        _inventory.TryGetValue(track.SiteId, out var site) && !string.IsNullOrWhiteSpace(site.Name) ? site.Name : track.HelloName;

    private string? District(string siteId) =>
        _inventory.TryGetValue(siteId, out var site) && !string.IsNullOrWhiteSpace(site.District) ? site.District : null;
}

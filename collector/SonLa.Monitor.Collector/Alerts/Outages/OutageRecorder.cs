using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The outage history: opens an outage when the alert engine says a site went dark, keeps the live state of every site
/// (so the timeline knows what was true before), collects a dark site's backlog as it arrives, and once the backlog has
/// gone quiet after the site came back, builds the timeline, stores the outage and sends the one site-back notification.
/// <see cref="Tick"/> (every <see cref="OutageOptions.TickSeconds"/> from <see cref="OutageService"/>) finishes outages
/// and runs the province roll-up. One lock for everything: each call is short, and the heavy part (building a timeline)
/// runs outside it.
/// </summary>
public sealed partial class OutageRecorder : IOutageRecorder, IBatchObserver, ISitePresenceObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SiteTrack> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SiteOptions> _inventory = new(StringComparer.Ordinal);
    private readonly OutageStore _store;
    private readonly INotificationDispatcher? _dispatcher;
    private readonly OutageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutageTimelineBuilder _builder;
    private readonly ProvinceRollup _rollup;
    private readonly int _totalSites;
    private RollupState? _lastRollup;

    public OutageRecorder(OutageStore store, INotificationDispatcher? dispatcher, IOptions<OutageOptions> options, IOptions<AccessOptions> access,
        TimeProvider time, ILogger<OutageRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(access);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _dispatcher = dispatcher;
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        OutageOptionsValidator.TryFindTimeZone(_options.TimeZone, out var zone);
        Text = new OutageText(zone);
        _builder = new OutageTimelineBuilder(_options);
        _rollup = new ProvinceRollup(_options, Text);
        foreach (var site in access.Value.Sites.Where(s => !string.IsNullOrWhiteSpace(s.Id)))
        {
            _inventory[site.Id!] = site;
        }

        _totalSites = Math.Max(_inventory.Count, access.Value.Agents.Count);
        if (_dispatcher is null)
        {
            OutageLog.NoDispatcher(_logger);
        }

        Resume();
    }

    public OutageText Text { get; }

    public IReadOnlyList<ActiveOutage> ActiveOutages
    {
        get
        {
            lock (_lock)
            {
                return [.. _sites.Values.Where(s => s.Dark is { BackAt: null }).Select(s => Active(s, s.Dark!))
                    .OrderBy(a => a.Since).ThenBy(a => a.SiteId, StringComparer.Ordinal)];
            }
        }
    }

    public void SiteWentDark(string siteId, DateTimeOffset silentSince)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        try
        {
            lock (_lock)
            {
                var track = Track(siteId);
                if (track.Dark is not null)
                {
                    return;
                }

                var record = _store.OpenOrGet(siteId, silentSince, SiteName(track), District(siteId));
                var before = track.Live.LastValues.Count > 0 || track.Live.BootId is not null ? track.Live.Copy() : null;
                track.Dark = new DarkOutage(record, before, NewEvidence(track, record.Start));
            }

            OutageLog.Opened(_logger, siteId, silentSince);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutageLog.Failed(_logger, nameof(SiteWentDark), ex);
        }
    }

    public void SiteCameBack(string siteId, DateTimeOffset backAt, string? uplinkDevice = null, bool silenced = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        try
        {
            lock (_lock)
            {
                if (!_sites.TryGetValue(siteId, out var track) || track.Dark is not { BackAt: null } dark)
                {
                    return;
                }

                dark.BackAt = backAt < dark.Record.Start ? dark.Record.Start : backAt;
                dark.UplinkDevice = uplinkDevice ?? track.UplinkDevices.Order(StringComparer.Ordinal).FirstOrDefault();
                dark.Silenced = silenced;
                dark.ReturnBootId = track.HelloBootId;
                _store.MarkBack(dark.Record.Id, dark.BackAt.Value, dark.UplinkDevice, silenced);
            }

            OutageLog.Back(_logger, siteId, backAt);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutageLog.Failed(_logger, nameof(SiteCameBack), ex);
        }
    }

    public void OnBatchStored(IngestedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            var track = Track(batch.SiteId);
            if (track.Dark is null)
            {
                // A short disconnect's backlog is state of this site too (an agent's first batches often go as backlog).
                track.Live.Observe(batch, _options.LeadSeconds * 1_000_000_000L);
                return;
            }

            if (!batch.Backfill)
            {
                return;
            }

            if (track.Dark is { } dark && dark.Evidence.Add(batch))
            {
                dark.LastBackfillAt = _time.GetUtcNow();
            }
        }
    }

    public void OnConnected(string siteId, Hello hello, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hello);
        lock (_lock)
        {
            var track = Track(siteId);
            track.HelloName = string.IsNullOrWhiteSpace(hello.SiteName) ? track.HelloName : hello.SiteName;
            track.HelloBootId = hello.BootId;
            if (track.Dark is null)
            {
                // The boot that goes dark next, even when all it sent went as backlog.
                track.Live.BootId = hello.BootId;
            }

            track.UplinkDevices.Clear();
            foreach (var device in hello.Devices.Where(d => string.Equals(d.Role, "uplink", StringComparison.OrdinalIgnoreCase)))
            {
                track.UplinkDevices.Add(device.Name);
            }
        }
    }

    public void OnActivity(string siteId, DateTimeOffset at)
    {
    }

    public void OnDisconnected(string siteId, DateTimeOffset at)
    {
    }

    /// <summary>Finishes outages whose backlog has gone quiet and runs the roll-up. Returns the notifications it sent.</summary>
    public IReadOnlyList<Notification> Tick(DateTimeOffset now)
    {
        var sent = new List<Notification>();
        foreach (var (track, dark) in TakeFinished(now))
        {
            try
            {
                if (Finish(track, dark, now) is { } notification)
                {
                    sent.Add(notification);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                OutageLog.Failed(_logger, "closing the outage of " + track.SiteId, ex);
            }
        }

        try
        {
            if (Rollup(now) is { } rollup)
            {
                sent.Add(rollup);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            OutageLog.Failed(_logger, "roll-up", ex);
        }

        return sent;
    }

    /// <summary>The site's availability over [from, to) (see <see cref="OutageStore.Availability"/>).</summary>
    public SiteAvailability Availability(string siteId, DateTimeOffset from, DateTimeOffset to) =>
        _store.Availability(siteId, from, to, _time.GetUtcNow());
}

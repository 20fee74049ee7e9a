using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// The dashboard's read model: per site, in memory, what its agent last said (presence, devices, interfaces, UPS,
/// self-check, recent events), with the status rules of docs/api.md. Fed by the agent streams
/// (<see cref="ISitePresenceObserver"/>, <see cref="IBatchObserver"/>), read by the API without touching a database:
/// <c>/api/sites</c> for 3,300 sites walks one presorted array. Thread-safe: one lock per site.
/// </summary>
public sealed class SiteBoard : ISitePresenceObserver, IBatchObserver
{
    /// <summary>An open stream without a heartbeat or batch for this many heartbeat intervals is a dead stream.</summary>
    public const int SilentHeartbeats = 3;

    private readonly ConcurrentDictionary<string, SiteRecord> _sites = new(StringComparer.Ordinal);
    private readonly object _orderGate = new();
    private readonly TimeProvider _time;
    private readonly IAlertSummary? _alerts;
    private SiteRecord[] _ordered = [];

    public SiteBoard(IOptions<AccessOptions> access, IOptions<IngestOptions> ingest, SiteLastSeenStore store, TimeProvider time,
        IAlertSummary? alerts, ILogger<SiteBoard> logger)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _alerts = alerts;
        Silence = TimeSpan.FromSeconds(Math.Max(1, ingest.Value.HeartbeatIntervalSeconds) * SilentHeartbeats);

        Dictionary<string, DateTimeOffset> seen;
        try
        {
            seen = store.Load();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SitesLog.LastSeenLoadFailed(logger, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
            seen = [];
        }

        foreach (var site in access.Value.Sites)
        {
            if (!string.IsNullOrWhiteSpace(site.Id))
            {
                _sites.TryAdd(site.Id, new SiteRecord(site.Id, site.Name, site.District, inInventory: true, Seen(seen, site.Id)));
            }
        }

        // Agents without an inventory entry: listed once they have connected (now or before a restart).
        foreach (var agent in access.Value.Agents)
        {
            if (!string.IsNullOrWhiteSpace(agent.SiteId))
            {
                _sites.TryAdd(agent.SiteId, new SiteRecord(agent.SiteId, null, null, inInventory: false, Seen(seen, agent.SiteId)));
            }
        }

        Reorder();
    }

    /// <summary>How long an open stream may stay silent (<see cref="SilentHeartbeats"/> × Ingest:HeartbeatIntervalSeconds).</summary>
    public TimeSpan Silence { get; }

    public bool Contains(string siteId) => siteId is not null && _sites.ContainsKey(siteId);

    /// <summary>The listed sites the user may see (<paramref name="onlySite"/>: a site user's own), in display order.</summary>
    public SiteList List(string? onlySite)
    {
        var now = _time.GetUtcNow();
        if (onlySite is not null)
        {
            var own = _sites.TryGetValue(onlySite, out var record) && record.Listed ? record.Summary(now, Silence, Alerts(onlySite)) : null;
            return own is null ? new SiteList(now, new SiteCounts(0, 0, 0, 0), []) : new SiteList(now, Count([own]), [own]);
        }

        var ordered = Volatile.Read(ref _ordered);
        var summaries = new List<SiteSummary>(ordered.Length);
        foreach (var site in ordered)
        {
            if (site.Listed)
            {
                summaries.Add(site.Summary(now, Silence, Alerts(site.Id)));
            }
        }

        return new SiteList(now, Count(summaries), summaries);
    }

    /// <summary>One site's summary and detail; null for a site the collector does not know.</summary>
    public SiteDetail? Detail(string siteId) =>
        siteId is not null && _sites.TryGetValue(siteId, out var record) ? record.Detail(_time.GetUtcNow(), Silence, Alerts(siteId)) : null;

    public void OnConnected(string siteId, Hello hello, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var added = false;
        var record = _sites.GetOrAdd(siteId, id =>
        {
            added = true;
            return new SiteRecord(id, null, null, inInventory: false, null);
        });
        if (record.Connected(hello, at) || added)
        {
            Reorder();
        }
    }

    public void OnActivity(string siteId, DateTimeOffset at)
    {
        if (_sites.TryGetValue(siteId, out var record))
        {
            record.Activity(at);
        }
    }

    public void OnDisconnected(string siteId, DateTimeOffset at)
    {
        if (_sites.TryGetValue(siteId, out var record))
        {
            record.Disconnected(at);
        }
    }

    public void OnBatchStored(IngestedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // A batch comes on an open stream (OnConnected came first), so the site is known.
        if (_sites.TryGetValue(batch.SiteId, out var record))
        {
            record.Apply(batch.Points);
        }
    }

    /// <summary>
    /// Announces every site whose status, connected, active_alerts or uplink changed since the last call (the board's
    /// loop calls this once a second, so a site is announced at most once a second). The first call only takes note.
    /// </summary>
    public int PublishChanges(SiteLiveHub hub, bool announce)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var now = _time.GetUtcNow();
        var published = 0;
        foreach (var site in Volatile.Read(ref _ordered))
        {
            if (!site.Listed)
            {
                continue;
            }

            var alerts = Alerts(site.Id);
            var key = site.LiveKey(now, Silence, alerts);
            if (site.PublishedKey == key)
            {
                continue;
            }

            var first = site.PublishedKey is null;
            site.PublishedKey = key;
            if (announce || !first)
            {
                hub.PublishSite(site.Summary(now, Silence, alerts));
                published++;
            }
        }

        return published;
    }

    /// <summary>
    /// The last-seen times to write: those changed since last written, and written at least <paramref name="every"/>
    /// ago (all changed ones when <paramref name="every"/> is zero). Mark them with <see cref="MarkPersisted"/> once written.
    /// </summary>
    public List<KeyValuePair<string, DateTimeOffset>> LastSeenToPersist(TimeSpan every)
    {
        var now = _time.GetUtcNow();
        var due = new List<KeyValuePair<string, DateTimeOffset>>();
        foreach (var site in Volatile.Read(ref _ordered))
        {
            if (site.LastSeen is { } seen && seen != site.PersistedLastSeen && now - site.PersistedAt >= every)
            {
                due.Add(new(site.Id, seen));
            }
        }

        return due;
    }

    public void MarkPersisted(IEnumerable<KeyValuePair<string, DateTimeOffset>> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        var now = _time.GetUtcNow();
        foreach (var (id, at) in written)
        {
            if (_sites.TryGetValue(id, out var site))
            {
                site.PersistedLastSeen = at;
                site.PersistedAt = now;
            }
        }
    }

    private SiteAlertCounts Alerts(string siteId) => _alerts?.For(siteId) ?? SiteAlertCounts.None;

    private static SiteCounts Count(IReadOnlyList<SiteSummary> summaries)
    {
        int ok = 0, degraded = 0, down = 0, unknown = 0;
        foreach (var summary in summaries)
        {
            switch (summary.Status)
            {
                case SiteStatus.Ok:
                    ok++;
                    break;
                case SiteStatus.Degraded:
                    degraded++;
                    break;
                case SiteStatus.Down:
                    down++;
                    break;
                default:
                    unknown++;
                    break;
            }
        }

        return new SiteCounts(ok, degraded, down, unknown);
    }

    private static DateTimeOffset? Seen(Dictionary<string, DateTimeOffset> seen, string id) => seen.TryGetValue(id, out var at) ? at : null;

    /// <summary>Sorts again (a site added or renamed: rare); readers keep using the previous array meanwhile.</summary>
    private void Reorder()
    {
        lock (_orderGate)
        {
            var ordered = _sites.Values.ToArray();
            Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
            Volatile.Write(ref _ordered, ordered);
        }
    }
}

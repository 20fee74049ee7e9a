namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The outage history of issue 5 point 4: what the alert engine tells it when a site goes dark and comes back.
/// Registered as a singleton by <c>services.AddOutages(configuration)</c>. The same object observes batches and
/// presence by itself (it is also an <see cref="Ingest.IBatchObserver"/> and <see cref="Ingest.ISitePresenceObserver"/>):
/// the engine does NOT forward backfilled batches, and the recorder runs its own timer for the province roll-up.
/// Calls return quickly (no I/O beyond one small SQLite write) and are idempotent: the same call twice does nothing more.
/// </summary>
public interface IOutageRecorder
{
    /// <summary>
    /// The site's <c>site_offline</c> alert started firing: its agent has been silent since <paramref name="silentSince"/>
    /// (the last stream activity). Opens an outage (stored, so it survives a collector restart).
    /// </summary>
    void SiteWentDark(string siteId, DateTimeOffset silentSince);

    /// <summary>
    /// The site's agent is back at <paramref name="backAt"/> (its <c>site_offline</c> alert ends). The recorder waits for
    /// the backlog of the dark period, then builds the timeline, classifies and stores the outage and sends ONE
    /// <see cref="Notifications.NotificationKind.SiteBack"/> notification (rule <c>site_back</c>) — it stands instead of a
    /// Resolved notification for <c>site_offline</c>, which the engine must not send. <paramref name="uplinkDevice"/>: the
    /// name of the site's device with role <c>uplink</c> (null when none). <paramref name="silenced"/>: the site is in a
    /// maintenance window — the outage is recorded but no notification is sent. Without an open outage (no
    /// <see cref="SiteWentDark"/>) this does nothing.
    /// </summary>
    void SiteCameBack(string siteId, DateTimeOffset backAt, string? uplinkDevice = null, bool silenced = false);

    /// <summary>The sites dark now (opened by <see cref="SiteWentDark"/>, not yet back), for the roll-up and the API.</summary>
    IReadOnlyList<ActiveOutage> ActiveOutages { get; }
}

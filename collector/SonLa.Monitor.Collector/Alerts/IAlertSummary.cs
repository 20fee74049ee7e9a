namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// The alert engine's open alerts per site, kept in memory so that a dashboard of 3,300 sites reads them without
/// touching the database. <see cref="Changed"/> fires (on the engine's loop; return quickly) with the site id
/// whenever a site's open alerts change: one opened, resolved, acknowledged or suppressed.
/// </summary>
public interface IAlertSummary
{
    /// <summary>Open (pending or firing) alerts of the site; <see cref="SiteAlertCounts.None"/> when it has none.</summary>
    SiteAlertCounts For(string siteId);

    event Action<string>? Changed;
}

/// <param name="Pending">Open alerts still in their hold-down.</param>
/// <param name="Firing">Open alerts past their hold-down (suppressed ones included).</param>
/// <param name="SiteOffline">A site_offline alert is firing.</param>
public readonly record struct SiteAlertCounts(int Pending, int Firing, bool SiteOffline)
{
    public static SiteAlertCounts None => default;

    public int Open => Pending + Firing;
}

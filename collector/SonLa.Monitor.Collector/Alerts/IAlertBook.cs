namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// What the HTTP API and the web UI see of the alert engine: alerts (active or all), acknowledgement and
/// maintenance windows. Reads come from the state database; acknowledgements and windows go through the
/// engine's loop, so they take effect at once (reminders stop, notifications are silenced) and survive restarts.
/// </summary>
public interface IAlertBook
{
    /// <summary>Alerts, newest first.</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    Task<AlertRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Acknowledges a pending or firing alert: no more reminders. Acknowledging twice keeps the first.</summary>
    Task<AcknowledgeResult> AcknowledgeAsync(long id, string user, string? comment, CancellationToken cancellationToken);

    /// <summary>Maintenance windows, by start time; ended ones only when <paramref name="includeEnded"/>.</summary>
    Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(bool includeEnded, CancellationToken cancellationToken);

    /// <summary>Adds a window; a request that makes no sense (end before start, no site...) is refused with a reason.</summary>
    Task<MaintenanceResult> AddMaintenanceAsync(MaintenanceRequest request, CancellationToken cancellationToken);

    /// <summary>False when there is no window with that id.</summary>
    Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken);
}

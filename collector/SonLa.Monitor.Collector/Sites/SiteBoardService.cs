using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Hosting;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// The board's loop, once a second: announces changed sites to live clients (a stream that went silent turns a site
/// down here too), writes last-seen times (each site at most every <see cref="PersistEvery"/>, and all at shutdown),
/// and sends the live keep-alive every <see cref="KeepAliveEvery"/>. Alert changes are announced as they come.
/// </summary>
public sealed class SiteBoardService(
    SiteBoard board, SiteLiveHub hub, SiteLastSeenStore store, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<SiteBoardService> logger, IAlertSummary? alerts = null) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Persist(TimeSpan.Zero);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (alerts is not null)
        {
            alerts.Changed += OnAlertsChanged;
        }

        try
        {
            if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
            {
                return;
            }

            board.PublishChanges(hub, announce: false);
            var keepAlive = time.GetUtcNow();
            using var timer = new PeriodicTimer(Period, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    board.PublishChanges(hub, announce: true);
                    Persist(PersistEvery);
                    if (time.GetUtcNow() - keepAlive >= KeepAliveEvery)
                    {
                        keepAlive = time.GetUtcNow();
                        hub.KeepAlive();
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    SitesLog.LoopFailed(logger, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (alerts is not null)
            {
                alerts.Changed -= OnAlertsChanged;
            }
        }
    }

    private void OnAlertsChanged(string siteId)
    {
        if (board.Contains(siteId))
        {
            hub.PublishAlerts(siteId);
        }
    }

    private void Persist(TimeSpan every)
    {
        var due = board.LastSeenToPersist(every);
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            store.Save(due);
            board.MarkPersisted(due);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SitesLog.LastSeenSaveFailed(logger, due.Count, ex.GetType().Name, ex.Message.ReplaceLineEndings(" "));
        }
    }
}

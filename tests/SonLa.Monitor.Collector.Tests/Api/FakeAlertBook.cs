using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>
/// A tiny in-memory <see cref="IAlertBook"/> with known alerts, so the API's role rules and JSON shapes are tested
/// apart from the engine (the engine's own tests cover the book's behaviour).
/// </summary>
internal sealed class FakeAlertBook : IAlertBook
{
    public static readonly DateTimeOffset Started = new(2026, 11, 27, 7, 35, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private readonly List<AlertRecord> _alerts =
    [
        Alert(1, "link_down", AlertState.Firing, CollectorHost.SiteId, "Xã Chiềng Cơi", "router", "wan0"),
        Alert(2, "site_offline", AlertState.Firing, CollectorHost.OtherSiteId, "Xã Mường Bú", null, null),
        Alert(3, "device_rebooted", AlertState.Resolved, CollectorHost.SiteId, "Xã Chiềng Cơi", "firewall", null) with
        {
            ResolvedAt = Started.AddMinutes(10),
        },
    ];

    private readonly List<MaintenanceWindow> _windows = [];
    private long _nextWindow = 1;

    public List<AlertQuery> Queries { get; } = [];

    public Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Queries.Add(query);
            return Task.FromResult<IReadOnlyList<AlertRecord>>(_alerts
                .Where(a => (!query.ActiveOnly || a.State != AlertState.Resolved) && (query.Site is null || a.Site == query.Site))
                .OrderByDescending(a => a.Id)
                .Take(query.Limit)
                .ToList());
        }
    }

    public Task<AlertRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_alerts.FirstOrDefault(a => a.Id == id));
        }
    }

    public Task<AcknowledgeResult> AcknowledgeAsync(long id, string user, string? comment, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _alerts.FindIndex(a => a.Id == id);
            if (index < 0)
            {
                return Task.FromResult(new AcknowledgeResult(AcknowledgeOutcome.NotFound, null));
            }

            var alert = _alerts[index];
            if (alert.State == AlertState.Resolved)
            {
                return Task.FromResult(new AcknowledgeResult(AcknowledgeOutcome.AlreadyResolved, alert));
            }

            alert = alert with { Acknowledged = alert.Acknowledged ?? new AlertAcknowledgement(user, Started.AddMinutes(5), comment) };
            _alerts[index] = alert;
            return Task.FromResult(new AcknowledgeResult(AcknowledgeOutcome.Ok, alert));
        }
    }

    public Task<IReadOnlyList<MaintenanceWindow>> ListMaintenanceAsync(bool includeEnded, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<MaintenanceWindow>>([.. _windows]);
        }
    }

    public Task<MaintenanceResult> AddMaintenanceAsync(MaintenanceRequest request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var window = new MaintenanceWindow
            {
                Id = _nextWindow++,
                Site = request.Site,
                Device = request.Device,
                StartsAt = request.StartsAt,
                EndsAt = request.EndsAt,
                Reason = request.Reason,
                CreatedBy = request.CreatedBy,
                CreatedAt = Started,
            };
            _windows.Add(window);
            return Task.FromResult(new MaintenanceResult(window, null));
        }
    }

    public Task<bool> RemoveMaintenanceAsync(long id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_windows.RemoveAll(w => w.Id == id) == 1);
        }
    }

    private static AlertRecord Alert(long id, string rule, AlertState state, string site, string siteName, string? device, string? @interface) => new()
    {
        Id = id,
        Rule = rule,
        State = state,
        Severity = NotificationSeverity.Critical,
        Site = site,
        SiteName = siteName,
        Device = device,
        Interface = @interface,
        StartedAt = Started,
        FiredAt = Started.AddMinutes(1),
        Message = siteName + ": mất kết nối từ 14:35",
        MessageEn = siteName + ": connection lost since 14:35",
    };
}

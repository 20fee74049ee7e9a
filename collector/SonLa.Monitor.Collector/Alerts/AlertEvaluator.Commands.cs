namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertEvaluator
{
    public const int MaxReasonLength = 500;
    public const int MaxCommentLength = 1000;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    public AcknowledgeResult Acknowledge(long id, string user, string? comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!_byId.TryGetValue(id, out var alert))
        {
            var stored = _store.Find(id);
            return stored is null
                ? new AcknowledgeResult(AcknowledgeOutcome.NotFound, null)
                : new AcknowledgeResult(AcknowledgeOutcome.AlreadyResolved, stored);
        }

        if (alert.Acknowledged is null)
        {
            comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            if (comment is { Length: > MaxCommentLength })
            {
                comment = comment[..MaxCommentLength];
            }

            alert.Acknowledged = new AlertAcknowledgement(user, _time.GetUtcNow(), comment);
            _store.Update(alert);
            AlertLog.Acknowledged(_logger, alert.Id, user);
        }

        return new AcknowledgeResult(AcknowledgeOutcome.Ok, alert.ToRecord());
    }

    public MaintenanceResult AddMaintenance(MaintenanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var error = string.IsNullOrWhiteSpace(request.Site) ? "site: required"
            : request.Device is not null && string.IsNullOrWhiteSpace(request.Device) ? "device: empty (leave it out for the whole site)"
            : request.EndsAt <= request.StartsAt ? "ends_at: must be after starts_at"
            : request.EndsAt <= now ? "ends_at: already past"
            : request.EndsAt - request.StartsAt > MaxWindow ? "ends_at: a window lasts at most 366 days"
            : string.IsNullOrWhiteSpace(request.Reason) ? "reason: required"
            : request.Reason.Length > MaxReasonLength ? "reason: at most 500 characters"
            : string.IsNullOrWhiteSpace(request.CreatedBy) ? "created_by: required"
            : null;
        if (error is not null)
        {
            return new MaintenanceResult(null, error);
        }

        var window = _store.InsertMaintenance(request with { Reason = request.Reason.Trim() }, now);
        _windows.Add(window);
        return new MaintenanceResult(window, null);
    }

    public bool RemoveMaintenance(long id)
    {
        _windows.RemoveAll(w => w.Id == id);
        return _store.DeleteMaintenance(id);
    }
}

namespace SonLa.Monitor.Collector.Api;

/// <summary>One alert in <c>GET /api/alerts</c> and the <c>POST /api/alerts/{id}/ack</c> answer.</summary>
/// <param name="State">pending, firing or resolved.</param>
/// <param name="Severity">info, warning or critical.</param>
/// <param name="Message">Vietnamese.</param>
public sealed record AlertView(
    long Id,
    string Rule,
    string State,
    string Severity,
    string Site,
    string SiteName,
    string? Device,
    string? Interface,
    DateTimeOffset StartedAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    AcknowledgementView? Acknowledged,
    bool Suppressed,
    long? SuppressedBy,
    long? CauseAlertId,
    bool Flapping,
    bool InMaintenance,
    string Message,
    string MessageEn);

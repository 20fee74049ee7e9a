namespace SonLa.Monitor.Collector.Sites;

/// <summary>One site in <c>GET /api/sites</c> and in the live <c>site</c> event (docs/api.md, "Sites").</summary>
/// <param name="Status">ok, degraded, down or unknown.</param>
/// <param name="Uplink">up, down or unknown.</param>
public sealed record SiteSummary(
    string Id,
    string Name,
    string? District,
    string Status,
    bool Connected,
    DateTimeOffset? LastSeen,
    int ActiveAlerts,
    string Uplink);

namespace SonLa.Monitor.Collector.Sites;

/// <summary>The answer of <c>GET /api/sites/{id}</c>: the summary's fields, then the detail.</summary>
public sealed record SiteDetail(
    string Id,
    string Name,
    string? District,
    string Status,
    bool Connected,
    DateTimeOffset? LastSeen,
    int ActiveAlerts,
    string Uplink,
    AgentView? Agent,
    IReadOnlyList<DeviceView> Devices,
    SelfCheckView? Selfcheck,
    IReadOnlyList<SiteEventView> Events);

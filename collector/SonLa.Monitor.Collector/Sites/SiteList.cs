namespace SonLa.Monitor.Collector.Sites;

/// <summary>The answer of <c>GET /api/sites</c>: sites sorted by district, then name (Vietnamese order).</summary>
public sealed record SiteList(DateTimeOffset GeneratedAt, SiteCounts Counts, IReadOnlyList<SiteSummary> Sites);

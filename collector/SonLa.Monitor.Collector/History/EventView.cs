namespace SonLa.Monitor.Collector.History;

/// <summary>One event of <c>GET /api/events</c>. <see cref="SiteName"/> is the inventory name, or the id when the site has none.</summary>
public sealed record EventView(DateTimeOffset Time, string Site, string SiteName, string? Device, string? Kind, string? Message);

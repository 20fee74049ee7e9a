namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// A site dark now. <see cref="Class"/> is what the last live data before it went silent suggests (UPS on battery →
/// <see cref="OutageClass.Power"/>, uplink down → <see cref="OutageClass.Wan"/>), otherwise <see cref="OutageClass.Blind"/>:
/// the real class is only known once the backlog arrives.
/// </summary>
public sealed record ActiveOutage(string SiteId, string? SiteName, string? District, DateTimeOffset Since, OutageClass Class);

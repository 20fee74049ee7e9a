namespace SonLa.Monitor.Collector.Sites;

/// <summary>One recent event of a site (an <c>event</c> point).</summary>
public sealed record SiteEventView(DateTimeOffset Time, string? Device, string Kind, string? Message);

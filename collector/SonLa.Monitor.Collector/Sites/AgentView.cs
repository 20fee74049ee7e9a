namespace SonLa.Monitor.Collector.Sites;

/// <summary>The site's agent as its last Hello described it; null in the detail when it never connected.</summary>
/// <param name="ConnectedSince">When the current stream opened; null while not connected.</param>
/// <param name="ClockOffsetMs">The agent clock's offset from the collector's (its <c>agent</c> point), null if not reported.</param>
public sealed record AgentView(string? Version, string? BootId, DateTimeOffset? ConnectedSince, double? ClockOffsetMs);

namespace SonLa.Monitor.Collector.Api;

/// <summary>A live token as listed (without the token itself).</summary>
public sealed record TokenView(long Id, string Name, string User, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

namespace SonLa.Monitor.Collector.Auth;

/// <summary>A bearer token as listed (<c>auth_tokens</c>); the token itself is only known when created.</summary>
public sealed record ApiToken(long Id, string Name, long UserId, string UserName, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

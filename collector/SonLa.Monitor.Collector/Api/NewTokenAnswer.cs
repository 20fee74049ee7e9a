namespace SonLa.Monitor.Collector.Api;

/// <summary>A token just created: <see cref="Token"/> is shown this once and cannot be read back.</summary>
public sealed record NewTokenAnswer(long Id, string Name, string Token, DateTimeOffset CreatedAt);

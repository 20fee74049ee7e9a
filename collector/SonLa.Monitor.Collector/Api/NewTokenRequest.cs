namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/tokens</c> body: a name to recognise the token by (e.g. "noc-dashboard-script").</summary>
public sealed record NewTokenRequest(string? Name);

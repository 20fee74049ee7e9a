namespace SonLa.Monitor.Collector.Api;

/// <summary><c>GET /api/antiforgery</c>: the token to send in the <see cref="HeaderName"/> header.</summary>
public sealed record AntiforgeryAnswer(string Token, string HeaderName);

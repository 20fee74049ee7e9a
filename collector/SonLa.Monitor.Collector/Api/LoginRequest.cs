namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/login</c> body (JSON, or a form with the same field names).</summary>
public sealed record LoginRequest(string? User, string? Password);

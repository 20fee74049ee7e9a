namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/me/password</c> body.</summary>
public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

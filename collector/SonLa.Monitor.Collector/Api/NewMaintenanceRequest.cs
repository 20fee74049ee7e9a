namespace SonLa.Monitor.Collector.Api;

/// <summary><c>POST /api/maintenance</c> body; times in ISO 8601 with an offset (e.g. 2026-11-28T08:00:00+07:00).</summary>
public sealed record NewMaintenanceRequest(string? Site, string? Device, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Reason);

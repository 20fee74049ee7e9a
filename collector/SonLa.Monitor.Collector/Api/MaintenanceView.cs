namespace SonLa.Monitor.Collector.Api;

/// <summary>A maintenance window: the whole site when <see cref="Device"/> is null.</summary>
public sealed record MaintenanceView(
    long Id,
    string Site,
    string? Device,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt);

namespace SonLa.Monitor.Collector.Alerts;

public sealed record MaintenanceRequest
{
    public required string Site { get; init; }

    public string? Device { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required string Reason { get; init; }

    public required string CreatedBy { get; init; }
}

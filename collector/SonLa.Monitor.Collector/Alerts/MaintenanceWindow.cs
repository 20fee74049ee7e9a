namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// A planned window for a site (all its devices when <see cref="Device"/> is null) or one device: alerts are
/// recorded with in_maintenance and not notified while it is on.
/// </summary>
public sealed record MaintenanceWindow
{
    public required long Id { get; init; }

    public required string Site { get; init; }

    public string? Device { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required string Reason { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool Covers(string site, string? device, DateTimeOffset at) =>
        string.Equals(Site, site, StringComparison.Ordinal)
        && (Device is null || string.Equals(Device, device, StringComparison.Ordinal))
        && at >= StartsAt && at < EndsAt;
}

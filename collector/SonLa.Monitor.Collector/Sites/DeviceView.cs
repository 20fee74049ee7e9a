namespace SonLa.Monitor.Collector.Sites;

/// <summary>One device of a site: its role from Hello, its latest <c>device</c> point, interfaces and UPS readings.</summary>
public sealed record DeviceView(
    string Name,
    string? Role,
    bool? Reachable,
    double? ResponseMs,
    long? UptimeS,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<InterfaceView> Interfaces,
    UpsView? Ups);

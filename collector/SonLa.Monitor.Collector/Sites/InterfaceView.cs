namespace SonLa.Monitor.Collector.Sites;

/// <summary>One interface's latest <c>interface</c> point; statuses are the IF-MIB names.</summary>
public sealed record InterfaceView(
    string IfIndex,
    string? Name,
    string? Alias,
    string? AdminStatus,
    string? OperStatus,
    double? InBps,
    double? OutBps,
    long? SpeedBps,
    double? UtilizationPercent,
    long? InErrors,
    long? OutErrors,
    DateTimeOffset? UpdatedAt);

namespace SonLa.Monitor.Collector.History;

/// <summary>One line of a chart: <c>in_bps</c>, a device name, or <c>ping:&lt;target&gt;</c>; unit <c>bps</c> or <c>ms</c>.</summary>
public sealed record HistorySeries(string Name, string Unit, IReadOnlyList<HistoryPoint> Points);

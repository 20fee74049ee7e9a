namespace SonLa.Monitor.Collector.History;

/// <summary>What a chart asks for. <see cref="Device"/> and <see cref="IfIndex"/> are user input, quoted by <see cref="InfluxQl"/>.</summary>
public sealed record HistoryRequest(string Site, string Metric, HistoryRange Range, string? Device, string? IfIndex);

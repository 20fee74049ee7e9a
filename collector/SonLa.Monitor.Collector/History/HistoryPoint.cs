using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.History;

/// <summary>One step of a series, written as <c>[unix_ms, value]</c>; a null value is a step without data (a gap).</summary>
[JsonConverter(typeof(HistoryPointConverter))]
public readonly record struct HistoryPoint(long UnixMs, double? Value);

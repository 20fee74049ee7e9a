using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary>The JSON of <c>GET /healthz</c>.</summary>
public sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("influx")] string Influx,
    [property: JsonPropertyName("influx_error")] string? InfluxError,
    [property: JsonPropertyName("influx_since")] DateTimeOffset? InfluxSince,
    [property: JsonPropertyName("connected_agents")] long ConnectedAgents);

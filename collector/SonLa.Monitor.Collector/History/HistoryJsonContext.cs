using System.Text.Json;
using SonLa.Monitor.Collector.Api;
using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.History;

/// <summary>The JSON of the history and events endpoints: the same conventions as <see cref="Api.ApiJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(HistoryAnswer))]
[JsonSerializable(typeof(EventList))]
public sealed partial class HistoryJsonContext : JsonSerializerContext
{
    /// <summary>Vietnamese as UTF-8 text, HTML-sensitive characters escaped (as <see cref="Api.ApiJsonContext.Api"/>).</summary>
    public static HistoryJsonContext Api { get; } = new(ApiJson.CreateOptions());
}

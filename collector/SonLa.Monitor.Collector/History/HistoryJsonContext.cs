using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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
    public static HistoryJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}

using System.Text.Json;
using SonLa.Monitor.Collector.Api;
using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>The JSON of the sites API and the live events: snake_case, every field always present, source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SiteList))]
[JsonSerializable(typeof(SiteDetail))]
[JsonSerializable(typeof(SiteSummary))]
[JsonSerializable(typeof(LiveAlertsEvent))]
public sealed partial class SiteJsonContext : JsonSerializerContext
{
    /// <summary>As the rest of the API: Vietnamese written as UTF-8 text, HTML-sensitive characters escaped.</summary>
    public static SiteJsonContext Api { get; } = new(ApiJson.CreateOptions());
}

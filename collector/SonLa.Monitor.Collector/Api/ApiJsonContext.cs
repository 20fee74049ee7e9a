using System.Text.Json;
using System.Text.Json.Serialization;

namespace SonLa.Monitor.Collector.Api;

/// <summary>
/// The JSON of the whole API: snake_case names, times as ISO 8601 with offset (UTC), absent values as null (every field
/// is always there). Source-generated: no reflection, and the shapes are visible in one place.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginAnswer))]
[JsonSerializable(typeof(UserView))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(NewUserRequest))]
[JsonSerializable(typeof(PasswordChangeRequest))]
[JsonSerializable(typeof(AntiforgeryAnswer))]
[JsonSerializable(typeof(NewTokenRequest))]
[JsonSerializable(typeof(NewTokenAnswer))]
[JsonSerializable(typeof(TokenList))]
[JsonSerializable(typeof(AlertList))]
[JsonSerializable(typeof(AlertView))]
[JsonSerializable(typeof(AcknowledgeRequest))]
[JsonSerializable(typeof(MaintenanceList))]
[JsonSerializable(typeof(MaintenanceView))]
[JsonSerializable(typeof(NewMaintenanceRequest))]
[JsonSerializable(typeof(SelfCheckRequestAnswer))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// What the endpoints use: the same options, with Vietnamese written as UTF-8 text ("Xã Chiềng Cơi", not \u
    /// escapes) so that curl output is readable. HTML-sensitive characters stay escaped.
    /// </summary>
    public static ApiJsonContext Api { get; } = new(ApiJson.CreateOptions());
}

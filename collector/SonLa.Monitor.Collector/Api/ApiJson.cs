using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;

namespace SonLa.Monitor.Collector.Api;

/// <summary>Reading request bodies and writing answers with <see cref="ApiJsonContext"/> (snake_case, source-generated).</summary>
public static class ApiJson
{
    /// <summary>API request bodies are small; anything bigger is refused before it is read.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The options of every API JSON context: snake_case, every field always present, numbers strictly as numbers, and
    /// Vietnamese written as UTF-8 text ("Xã Chiềng Cơi", not \u escapes) so that curl output is readable. HTML-sensitive
    /// characters stay escaped.
    /// </summary>
    public static JsonSerializerOptions CreateOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IResult Ok<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type);

    public static IResult Created<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type, statusCode: StatusCodes.Status201Created);

    public static IResult Error(int status, string error, string message) =>
        Results.Json(new ApiError(error, message), ApiJsonContext.Api.ApiError, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "invalid_request", message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "not_found", message);

    public static IResult Conflict(string message) => Error(StatusCodes.Status409Conflict, "conflict", message);

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "forbidden", message);

    /// <summary>Writes an error answer outside an endpoint (middleware, authorization).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string error, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(error, message), ApiJsonContext.Api.ApiError, cancellationToken: context.RequestAborted);
    }

    /// <summary>
    /// The JSON body as <typeparamref name="T"/>, or null with <paramref name="problem"/> set: not JSON, malformed,
    /// empty, or over <see cref="MaxBodyBytes"/>.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, BadRequest("the body must be JSON (Content-Type: application/json)"));
        }

        LimitBody(request.HttpContext);
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken);
            return value is null ? (null, BadRequest("the body must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            // Not ex.Message: it can quote a piece of the body, and the body may hold a password.
            return (null, BadRequest($"malformed JSON at {ex.Path ?? "$"} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Error(StatusCodes.Status413PayloadTooLarge, "invalid_request", $"the body is over {MaxBodyBytes} bytes"));
        }
    }

    public static void LimitBody(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false })
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// The HTTP part every HTTP channel shares: one exchange with a timeout, and the retry rule — 2xx delivered;
/// 408, 429 and 5xx retried (honouring Retry-After); any other status (redirects included) is permanent.
/// </summary>
internal static class HttpDelivery
{
    /// <summary>How much of an answer's body is read (enough for any API's error JSON).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>How much of an error body goes into the delivery log.</summary>
    public const int MaxErrorChars = 200;

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON body sent with its Content-Length (not chunked): some API gateways refuse chunked requests.</summary>
    public static ByteArrayContent Json<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>One exchange; a network failure or timeout comes back as a Retry result, never as an exception.</summary>
    public static async Task<(HttpAnswer? Answer, DeliveryResult? Failure)> ExchangeAsync(
        HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            var body = await ReadBodyAsync(response.Content, timeoutSource.Token).ConfigureAwait(false);
            return (new HttpAnswer((int)response.StatusCode, response.ReasonPhrase, body, RetryAfter(response.Headers)), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, DeliveryResult.Retry(FormattableString.Invariant($"no answer within {timeout.TotalSeconds:0} s")));
        }
        catch (HttpRequestException ex)
        {
            // Messages name host and port at most ("Connection refused (127.0.0.1:8080)"), never the path.
            return (null, DeliveryResult.Retry("request failed: " + OneLine(Describe(ex))));
        }
    }

    /// <summary>The generic rule for an answer; channels whose API reports errors in a 2xx body check that first.</summary>
    public static DeliveryResult Classify(HttpAnswer answer, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.IsSuccess)
        {
            return DeliveryResult.Delivered(answer.Status);
        }

        var error = Describe(answer, detail);
        return answer.Status is 408 or 429 or >= 500
            ? DeliveryResult.Retry(error, answer.Status, answer.RetryAfter)
            : DeliveryResult.Permanent(answer.Status is >= 300 and < 400 ? error + " (redirects are not followed)" : error, answer.Status);
    }

    public static string Describe(HttpAnswer answer, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder().Append("HTTP ").Append(answer.Status);
        if (!string.IsNullOrWhiteSpace(answer.ReasonPhrase))
        {
            text.Append(' ').Append(answer.ReasonPhrase);
        }

        var more = detail ?? answer.Body;
        if (!string.IsNullOrWhiteSpace(more))
        {
            text.Append(": ").Append(Excerpt(more));
        }

        return text.ToString();
    }

    public static string Excerpt(string text)
    {
        var line = OneLine(text);
        return line.Length <= MaxErrorChars ? line : string.Concat(line.AsSpan(0, MaxErrorChars), "…");
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
    }

    // "The SSL connection could not be established, see inner exception." says nothing by itself.
    private static string Describe(Exception ex) =>
        ex.InnerException is { } inner && ex.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase)
            ? ex.Message.Replace("see inner exception", Describe(inner), StringComparison.OrdinalIgnoreCase)
            : ex.Message;
}

using System.Text.Json;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// Telegram Bot API <c>sendMessage</c>: <c>POST {BaseUrl}/bot{Token}/sendMessage</c> with <c>chat_id</c> and plain
/// <c>text</c>, one delivery per chat. The token is part of the URL, so no URL of this channel is ever logged.
/// </summary>
public sealed class TelegramChannel : INotificationChannel
{
    public const string DefaultBaseUrl = "https://api.telegram.org";

    /// <summary>Telegram's limit for one message's text.</summary>
    public const int MaxTextChars = 4096;

    private readonly HttpClient _http;
    private readonly Uri _sendMessage;
    private readonly string _token;
    private readonly string _language;
    private readonly TimeSpan _timeout;

    public TelegramChannel(string name, NotificationRoute route, string language, Uri baseUrl, string token,
        IReadOnlyList<string> chatIds, HttpClient http, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        Name = name;
        Route = route;
        _language = language;
        _token = token;
        Recipients = chatIds;
        _http = http;
        _timeout = timeout;
        _sendMessage = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/bot" + token + "/sendMessage");
    }

    public string Name { get; }

    public string Type => NotificationChannelType.Telegram;

    public NotificationRoute Route { get; }

    public IReadOnlyList<string> Recipients { get; }

    public async Task<DeliveryResult> SendAsync(Notification notification, string recipient, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendMessage)
        {
            Content = HttpDelivery.Json(new Dictionary<string, string>
            {
                ["chat_id"] = recipient,
                ["text"] = NotificationText.Message(notification, _language, MaxTextChars),
            }),
        };
        var (answer, failure) = await HttpDelivery.ExchangeAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        // Telegram answers {"ok":false,"error_code":N,"description":"..."} with a matching HTTP status, and puts the
        // 429 wait in parameters.retry_after.
        var (ok, description, retryAfter) = ReadAnswer(answer!.Body);
        if (answer.IsSuccess)
        {
            return ok != false ? DeliveryResult.Delivered(answer.Status) : DeliveryResult.Retry(HttpDelivery.Describe(answer, description), answer.Status);
        }

        var result = HttpDelivery.Classify(answer, description);
        return result.RetryAfter is null && retryAfter is not null ? result with { RetryAfter = retryAfter } : result;
    }

    public string Redact(string text) => WebhookChannel.RedactValues(text, _token);

    private static (bool? Ok, string? Description, TimeSpan? RetryAfter) ReadAnswer(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            bool? ok = root.TryGetProperty("ok", out var okElement) && okElement.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? okElement.GetBoolean()
                : null;
            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            TimeSpan? retryAfter = root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object &&
                                   p.TryGetProperty("retry_after", out var r) && r.TryGetInt32(out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
            return (ok, description, retryAfter);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}

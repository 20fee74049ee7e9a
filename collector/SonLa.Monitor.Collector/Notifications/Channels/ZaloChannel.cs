using System.Globalization;
using System.Text.Json;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// Zalo Official Account API v3 customer-service text message: <c>POST {BaseUrl}/v3.0/oa/message/cs</c> with the
/// OA's token in the <c>access_token</c> header and <c>{"recipient":{"user_id":...},"message":{"text":...}}</c>,
/// one delivery per user. Zalo answers HTTP 200 for errors too: <c>{"error": -216, "message": "..."}</c>; only
/// <c>error</c> 0 is delivered. (Zalo only lets an OA message users who follow it and wrote to it recently.)
/// </summary>
public sealed class ZaloChannel : INotificationChannel
{
    public const string DefaultBaseUrl = "https://openapi.zalo.me";
    public const string MessagePath = "/v3.0/oa/message/cs";

    /// <summary>Zalo's limit for a text message.</summary>
    public const int MaxTextChars = 2000;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _accessToken;
    private readonly string _language;
    private readonly TimeSpan _timeout;

    public ZaloChannel(string name, NotificationRoute route, string language, Uri baseUrl, string accessToken,
        IReadOnlyList<string> userIds, HttpClient http, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        Name = name;
        Route = route;
        _language = language;
        _accessToken = accessToken;
        Recipients = userIds;
        _http = http;
        _timeout = timeout;
        _endpoint = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + MessagePath);
    }

    public string Name { get; }

    public string Type => NotificationChannelType.Zalo;

    public NotificationRoute Route { get; }

    public IReadOnlyList<string> Recipients { get; }

    public async Task<DeliveryResult> SendAsync(Notification notification, string recipient, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = HttpDelivery.Json(new
            {
                recipient = new { user_id = recipient },
                message = new { text = NotificationText.Message(notification, _language, MaxTextChars) },
            }),
        };
        request.Headers.Add("access_token", _accessToken);
        var (answer, failure) = await HttpDelivery.ExchangeAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        if (!answer!.IsSuccess)
        {
            return HttpDelivery.Classify(answer);
        }

        var (error, message) = ReadAnswer(answer.Body);
        return error switch
        {
            0 => DeliveryResult.Delivered(answer.Status),
            null => DeliveryResult.Retry("Zalo answered without an error code: " + HttpDelivery.Excerpt(answer.Body), answer.Status),
            _ => DeliveryResult.Retry(string.Create(CultureInfo.InvariantCulture, $"Zalo error {error}: {HttpDelivery.Excerpt(message ?? "")}"), answer.Status),
        };
    }

    public string Redact(string text) => WebhookChannel.RedactValues(text, _accessToken);

    private static (int? Error, string? Message) ReadAnswer(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || !error.TryGetInt32(out var code))
            {
                return (null, null);
            }

            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}

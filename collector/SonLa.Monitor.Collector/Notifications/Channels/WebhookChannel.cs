using System.Globalization;
using System.Net.Http.Headers;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>POSTs <see cref="WebhookPayload"/> to <c>Url</c>, signed with <see cref="WebhookSignature"/>.</summary>
public sealed class WebhookChannel : INotificationChannel
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _secret;
    private readonly string _language;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public WebhookChannel(string name, NotificationRoute route, string language, Uri url, string secret,
        HttpClient http, TimeSpan timeout, TimeProvider time)
    {
        Name = name;
        Route = route;
        _language = language;
        _url = url;
        _secret = secret;
        _http = http;
        _timeout = timeout;
        _time = time;
    }

    public string Name { get; }

    public string Type => NotificationChannelType.Webhook;

    public NotificationRoute Route { get; }

    public IReadOnlyList<string> Recipients { get; } = [""];

    public async Task<DeliveryResult> SendAsync(Notification notification, string recipient, CancellationToken cancellationToken)
    {
        var sentAt = _time.GetUtcNow();
        var body = WebhookPayload.Build(notification, _language, sentAt);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonType;
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(_secret, body));
        request.Headers.Add(WebhookSignature.TimestampHeaderName, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var (answer, failure) = await HttpDelivery.ExchangeAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        return failure ?? HttpDelivery.Classify(answer!);
    }

    // The URL may hold a token in its path or query (chat services' incoming webhooks do).
    public string Redact(string text) =>
        RedactValues(text, _secret, _url.PathAndQuery.Length > 1 ? _url.PathAndQuery : null);

    internal static string RedactValues(string text, params string?[] secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Configuration.Secret.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

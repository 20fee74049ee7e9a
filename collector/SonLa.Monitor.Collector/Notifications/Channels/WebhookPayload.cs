using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// The webhook's JSON body (UTF-8, snake_case). Field order and names are a published contract: add fields, never
/// rename or remove them. Absent values are JSON null; <c>details</c> is always an object.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Vietnamese stays readable in the body; it is JSON for machines, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Build(Notification notification, string language, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var english = NotificationLanguage.IsEnglish(language);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", notification.Id);
            json.WriteString("kind", KindName(notification.Kind));
            json.WriteString("rule", notification.Rule);
            json.WriteString("severity", SeverityName(notification.Severity));
            json.WriteString("site", notification.SiteId);
            json.WriteString("site_name", notification.SiteName);
            json.WriteString("district", notification.District);
            json.WriteString("device", notification.Device);
            json.WriteString("interface", notification.Interface);
            if (notification.AlertId is { } alertId)
            {
                json.WriteNumber("alert_id", alertId);
            }
            else
            {
                json.WriteNull("alert_id");
            }

            json.WriteString("occurred_at", Iso(notification.OccurredAt));
            json.WriteString("sent_at", Iso(sentAt));
            json.WriteString("language", english ? NotificationLanguage.English : NotificationLanguage.Vietnamese);
            json.WriteString("title", english ? notification.TitleEn : notification.TitleVi);
            json.WriteString("text", english ? notification.TextEn : notification.TextVi);
            json.WriteStartObject("details");
            foreach (var (key, value) in notification.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>firing</c>, <c>resolved</c>, <c>flapping</c>, <c>reminder</c>, <c>site_back</c>, <c>rollup</c>.</summary>
    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.SiteBack => "site_back",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary><c>info</c>, <c>warning</c>, <c>critical</c>.</summary>
    public static string SeverityName(NotificationSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The timeline as JSON, stored in <c>alert_outage.timeline_json</c> and sent in the webhook's details:
/// <c>[{"at":"2026-11-27T07:02:00+00:00","kind":"power_lost","device":"ups","interface":null,"message":null,"until":null}, ...]</c>
/// (times UTC, ISO 8601; kinds in snake_case).
/// </summary>
public static class TimelineJson
{
    public static string Write(IEnumerable<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        // Relaxed escaping: Vietnamese text and '+' stay readable in the webhook (the payload is JSON, never HTML).
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("kind", KindName(entry.Kind));
                WriteOptional(writer, "device", entry.Device);
                WriteOptional(writer, "interface", entry.Interface);
                WriteOptional(writer, "message", entry.Message);
                WriteOptional(writer, "until", entry.Until?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads what <see cref="Write"/> wrote; entries of unknown kind are skipped.</summary>
    public static IReadOnlyList<TimelineEntry> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var entries = new List<TimelineEntry>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (!TryParseKind(element.GetProperty("kind").GetString(), out var kind))
            {
                continue;
            }

            var until = Optional(element, "until");
            entries.Add(new TimelineEntry(DateTimeOffset.Parse(element.GetProperty("at").GetString()!, CultureInfo.InvariantCulture), kind,
                Optional(element, "device"), Optional(element, "interface"), Optional(element, "message"))
            {
                Until = until is null ? null : DateTimeOffset.Parse(until, CultureInfo.InvariantCulture),
            });
        }

        return entries;
    }

    /// <summary><see cref="TimelineEntryKind.PowerLost"/> → <c>power_lost</c>.</summary>
    public static string KindName(TimelineEntryKind kind)
    {
        var name = kind.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static bool TryParseKind(string? name, out TimelineEntryKind kind)
    {
        foreach (var candidate in Enum.GetValues<TimelineEntryKind>())
        {
            if (string.Equals(KindName(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

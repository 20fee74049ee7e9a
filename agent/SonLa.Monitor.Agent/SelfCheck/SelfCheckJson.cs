using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>--json</c>: <c>{"site": "...", "status": "ok|warn|fail", "checks": [{"id", "status", "message", "hint", "ms"}]}</c>
/// (the PRODUCT.md contract), Vietnamese kept readable rather than \u-escaped.
/// </summary>
public static class SelfCheckJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warn => "warn",
        _ => "fail",
    };

    public static string Format(SelfCheckReport report, string language)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("site", report.Site);
            json.WriteString("status", StatusName(report.Status));
            json.WriteString("time", report.Time.UtcDateTime);
            json.WriteStartArray("checks");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("id", check.Id);
                json.WriteString("status", StatusName(check.Status));
                json.WriteString("message", check.Message.In(language));
                json.WriteString("hint", check.Hint.In(language));
                json.WriteNumber("ms", check.Milliseconds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

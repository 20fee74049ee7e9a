using System.Text.Json;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>One webhook request of the collector, parsed (the documented JSON payload).</summary>
public sealed record WebhookCall(string Id, string Kind, string Rule, string Site, string? Device, string? Interface, string Text, DateTimeOffset ReceivedAt)
{
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    public static WebhookCall Parse(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = JsonDocument.Parse(request.Body);
        var root = document.RootElement;
        var details = new Dictionary<string, string>();
        if (root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in d.EnumerateObject())
            {
                details[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return new WebhookCall(Read(root, "id") ?? "", Read(root, "kind") ?? "", Read(root, "rule") ?? "", Read(root, "site") ?? "",
            Read(root, "device"), Read(root, "interface"), Read(root, "text") ?? "", request.ReceivedAt)
        {
            Details = details,
        };
    }

    public override string ToString() => $"{ReceivedAt:HH:mm:ss.fff} {Kind} {Rule} site={Site} device={Device} interface={Interface} id={Id}: {Text}";

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

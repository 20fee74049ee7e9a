using System.Text.Json;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>The parsed <c>selfcheck --json</c> object, with every contract field required to be present.</summary>
internal sealed record SelfCheckJsonReport(string Site, string Status, IReadOnlyDictionary<string, SelfCheckJsonCheck> Checks, IReadOnlyList<string> Order)
{
    public static SelfCheckJsonReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var checks = new Dictionary<string, SelfCheckJsonCheck>();
        var order = new List<string>();
        foreach (var check in root.GetProperty("checks").EnumerateArray())
        {
            var id = check.GetProperty("id").GetString()!;
            order.Add(id);
            checks.Add(id, new SelfCheckJsonCheck(
                check.GetProperty("status").GetString()!,
                check.GetProperty("message").GetString()!,
                check.GetProperty("hint").GetString()!,
                check.GetProperty("ms").GetInt64()));
        }

        return new SelfCheckJsonReport(root.GetProperty("site").GetString()!, root.GetProperty("status").GetString()!, checks, order);
    }
}

internal sealed record SelfCheckJsonCheck(string Status, string Message, string Hint, long Ms);

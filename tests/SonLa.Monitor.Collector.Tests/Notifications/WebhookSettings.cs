namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>Configuration keys for test channels, as an operator writes them.</summary>
internal static class WebhookSettings
{
    public const string Secret = "webhook-secret-0123456789";

    public static Dictionary<string, string?> Webhook(string url, int index = 0, string name = "noc-hook") => new()
    {
        [$"Notifications:Channels:{index}:Name"] = name,
        [$"Notifications:Channels:{index}:Type"] = "webhook",
        [$"Notifications:Channels:{index}:Url"] = url,
        [$"Notifications:Channels:{index}:Secret"] = Secret,
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, Dictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}

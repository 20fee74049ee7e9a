namespace SonLa.Monitor.Collector.Notifications;

/// <summary>The values of <c>Notifications:Channels:N:Type</c>.</summary>
public static class NotificationChannelType
{
    public const string Webhook = "webhook";
    public const string Telegram = "telegram";
    public const string Zalo = "zalo";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Webhook, Telegram, Zalo, Email];

    public static string? Normalize(string? type) =>
        All.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase));
}

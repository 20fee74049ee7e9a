namespace SonLa.Monitor.Collector.Notifications;

/// <summary>The languages a channel can be configured with (<c>Notifications:Channels:N:Language</c>).</summary>
public static class NotificationLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static bool IsKnown(string? language) =>
        string.Equals(language, Vietnamese, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(language, English, StringComparison.OrdinalIgnoreCase);

    public static bool IsEnglish(string? language) => string.Equals(language, English, StringComparison.OrdinalIgnoreCase);
}

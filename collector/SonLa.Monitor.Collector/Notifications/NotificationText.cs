namespace SonLa.Monitor.Collector.Notifications;

/// <summary>The title and text a channel sends, in its language.</summary>
public static class NotificationText
{
    public static string Title(Notification notification, string language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return NotificationLanguage.IsEnglish(language) ? notification.TitleEn : notification.TitleVi;
    }

    public static string Body(Notification notification, string language)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return NotificationLanguage.IsEnglish(language) ? notification.TextEn : notification.TextVi;
    }

    /// <summary>Title, a blank line, then the text (the text alone where it already starts with the title), cut to <paramref name="maxChars"/>.</summary>
    public static string Message(Notification notification, string language, int maxChars)
    {
        var title = Title(notification, language);
        var body = Body(notification, language);
        var message = string.IsNullOrWhiteSpace(body) || body.StartsWith(title, StringComparison.Ordinal) && title.Length > 0
            ? (string.IsNullOrWhiteSpace(body) ? title : body)
            : title + "\n\n" + body;
        if (message.Length <= maxChars)
        {
            return message;
        }

        // Never cut a surrogate pair in half.
        var cut = maxChars - 1;
        if (cut > 0 && char.IsHighSurrogate(message[cut - 1]))
        {
            cut--;
        }

        return string.Concat(message.AsSpan(0, cut), "…");
    }
}

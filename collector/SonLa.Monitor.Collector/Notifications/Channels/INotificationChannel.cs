namespace SonLa.Monitor.Collector.Notifications.Channels;

/// <summary>
/// One configured way to reach people. The dispatcher makes one delivery per (channel, recipient) so a retry never
/// repeats a message to a recipient who already got it.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The configured name (<c>Notifications:Channels:N:Name</c>).</summary>
    string Name { get; }

    /// <summary><see cref="NotificationChannelType"/> value.</summary>
    string Type { get; }

    NotificationRoute Route { get; }

    /// <summary>One delivery each: Telegram chats, Zalo users; a single empty string where one send reaches everyone (webhook, e-mail).</summary>
    IReadOnlyList<string> Recipients { get; }

    /// <summary>One attempt. Never throws for a failed delivery (the result says why); the caller's cancellation is thrown.</summary>
    Task<DeliveryResult> SendAsync(Notification notification, string recipient, CancellationToken cancellationToken);

    /// <summary>Removes this channel's secrets from a text (an error message) before it is logged or stored.</summary>
    string Redact(string text);
}

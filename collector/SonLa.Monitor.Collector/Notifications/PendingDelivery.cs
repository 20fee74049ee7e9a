namespace SonLa.Monitor.Collector.Notifications;

/// <summary>A delivery due for an attempt. <see cref="Notification"/> is null when its stored copy cannot be read.</summary>
internal sealed record PendingDelivery(
    long DeliveryId,
    string NotificationId,
    string Channel,
    string Recipient,
    int Attempts,
    DateTimeOffset CreatedAt,
    Notification? Notification);

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Where one delivery (a notification to one channel recipient) stands.</summary>
/// <param name="State">A <see cref="DeliveryState"/> value.</param>
public sealed record DeliveryStatus(
    long DeliveryId,
    string NotificationId,
    string Channel,
    string Recipient,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? FinishedAt,
    int? LastStatus,
    string? LastError);

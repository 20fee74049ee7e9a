namespace SonLa.Monitor.Collector.Notifications;

/// <summary>Read side of the delivery log, for the API and the web UI. Newest first; nothing in it is secret.</summary>
public interface IDeliveryLog
{
    /// <summary>Every channel recipient a notification was routed to, and where each stands.</summary>
    IReadOnlyList<DeliveryStatus> Deliveries(string notificationId);

    /// <summary>The last <paramref name="max"/> attempts for one notification.</summary>
    IReadOnlyList<DeliveryAttempt> Attempts(string notificationId, int max = 50);

    /// <summary>The last <paramref name="max"/> attempts of all notifications.</summary>
    IReadOnlyList<DeliveryAttempt> RecentAttempts(int max = 100);
}

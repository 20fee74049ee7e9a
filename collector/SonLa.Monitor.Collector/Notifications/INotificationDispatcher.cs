namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// Takes notifications from the alert engine. <see cref="Enqueue"/> records the notification durably (SQLite)
/// before it returns and delivers it in the background to every channel whose route matches, with retries and
/// back-off; an Id already enqueued is ignored, so a collector restart never sends a duplicate.
/// </summary>
public interface INotificationDispatcher
{
    void Enqueue(Notification notification);
}

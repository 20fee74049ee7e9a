using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

/// <summary>Keeps what is enqueued, deduplicated by Id as the real dispatcher promises.</summary>
internal sealed class RecordingDispatcher : INotificationDispatcher
{
    private readonly HashSet<string> _ids = [];

    public List<Notification> Sent { get; } = [];

    public void Enqueue(Notification notification)
    {
        lock (Sent)
        {
            if (_ids.Add(notification.Id))
            {
                Sent.Add(notification);
            }
        }
    }
}

using System.Collections.Concurrent;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>Keeps what the engine enqueued (the real dispatcher is tested on its own).</summary>
internal sealed class RecordingDispatcher : INotificationDispatcher
{
    private readonly ConcurrentQueue<Notification> _sent = new();

    public IReadOnlyList<Notification> Sent => _sent.ToArray();

    public void Enqueue(Notification notification) => _sent.Enqueue(notification);

    public IReadOnlyList<Notification> Of(NotificationKind kind) => Sent.Where(n => n.Kind == kind).ToArray();
}

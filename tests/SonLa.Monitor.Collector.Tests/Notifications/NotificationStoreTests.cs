using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class NotificationStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new("sonla-notify");
    private readonly NotificationStore _store;

    public NotificationStoreTests()
    {
        _store = new NotificationStore(new StateDatabase(_dir.File("state.db")));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Add_SameIdTwice_SecondIgnored_FirstKeptAsIs()
    {
        Assert.True(_store.Add(Notifications.LinkDown(), [("a", ""), ("b", "42")], Now));
        Assert.False(_store.Add(Notifications.LinkDown() with { TitleVi = "other" }, [("c", "")], Now));
        Assert.Equal(["a", "b"], _store.Deliveries("alert-42-firing").Select(d => d.Channel));
        var due = _store.Due(Now, 10, []);
        Assert.All(due, d => Assert.Equal("Xã Chiềng Cơi: mất kết nối từ 14:35", d.Notification!.TitleVi));
        Assert.Equal(Notifications.LinkDown().Details, due[0].Notification!.Details);
    }

    [Fact]
    public void SchemaCreation_IsIdempotent_DataKept()
    {
        _store.Add(Notifications.LinkDown(), [("a", "")], Now);
        var again = new NotificationStore(new StateDatabase(_dir.File("state.db")));
        Assert.Single(again.Deliveries("alert-42-firing"));
    }

    [Fact]
    public void Prune_OldFinishedGo_PendingStay_AttemptsCapped()
    {
        _store.Add(Notifications.LinkDown("old-done"), [("a", "")], Now - TimeSpan.FromDays(40));
        _store.Add(Notifications.LinkDown("old-pending"), [("a", "")], Now - TimeSpan.FromDays(40));
        _store.Add(Notifications.LinkDown("new-done"), [("a", "")], Now);
        foreach (var delivery in _store.Due(Now, 10, []))
        {
            var state = delivery.NotificationId == "old-pending" ? DeliveryState.Pending : DeliveryState.Delivered;
            for (var i = 0; i < 3; i++)
            {
                _store.Record(delivery, new DeliveryAttempt(delivery.DeliveryId, delivery.NotificationId, "a", "", Now - TimeSpan.FromMinutes(3 - i),
                    "retry", 503, "HTTP 503", 5), state, state == DeliveryState.Pending ? Now : null);
            }
        }

        var (notifications, attempts) = _store.Prune(Now, TimeSpan.FromDays(30), maxAttempts: 4);

        Assert.Equal(1, notifications);
        Assert.Equal(5, attempts);
        Assert.Empty(_store.Deliveries("old-done"));
        Assert.Single(_store.Deliveries("old-pending"));
        Assert.Single(_store.Deliveries("new-done"));
        Assert.Equal(4, _store.RecentAttempts(100).Count);
        // Pruned ids may come again (the deduplication window is the retention).
        Assert.True(_store.Add(Notifications.LinkDown("old-done"), [], Now));
    }

    [Fact]
    public void Due_SkipsInFlight_AndNotYetDue()
    {
        _store.Add(Notifications.LinkDown("one"), [("a", "")], Now);
        _store.Add(Notifications.LinkDown("two"), [("a", "")], Now + TimeSpan.FromMinutes(1));
        var one = Assert.Single(_store.Due(Now, 10, []));
        Assert.Empty(_store.Due(Now, 10, [one.DeliveryId]));
        Assert.Equal(Now + TimeSpan.FromMinutes(1), _store.NextDue([one.DeliveryId]));
        Assert.Equal(2, _store.PendingCount());
    }
}

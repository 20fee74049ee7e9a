using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// The clients of <c>GET /api/live</c>. Each message is formatted once as a server-sent-events frame and handed to
/// every subscriber allowed to see its site; a subscriber that falls <see cref="MaxQueued"/> frames behind is closed
/// (the browser's EventSource reconnects and the page re-reads the list) instead of holding memory for it.
/// </summary>
public sealed class SiteLiveHub(ILogger<SiteLiveHub> logger)
{
    public const int MaxQueued = 10_000;

    private static readonly byte[] KeepAliveFrame = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    private readonly object _gate = new();
    private Subscriber[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <param name="site">The only site the client may see (a site user's), or null for every site.</param>
    public LiveSubscription Subscribe(string? site)
    {
        var subscriber = new Subscriber(site, Channel.CreateBounded<byte[]>(new BoundedChannelOptions(MaxQueued)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }));
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscriber];
        }

        return new LiveSubscription(subscriber.Frames.Reader, () => Remove(subscriber));
    }

    public void PublishSite(SiteSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (SubscriberCount > 0)
        {
            Publish(summary.Id, Frame("site", JsonSerializer.SerializeToUtf8Bytes(summary, SiteJsonContext.Api.SiteSummary)));
        }
    }

    public void PublishAlerts(string siteId)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        if (SubscriberCount > 0)
        {
            Publish(siteId, Frame("alerts", JsonSerializer.SerializeToUtf8Bytes(new LiveAlertsEvent(siteId), SiteJsonContext.Api.LiveAlertsEvent)));
        }
    }

    /// <summary>A comment line to every client: proxies and browsers keep an idle stream open.</summary>
    public void KeepAlive() => Publish(null, KeepAliveFrame);

    private void Publish(string? siteId, byte[] frame)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (siteId is not null && subscriber.Site is not null && !string.Equals(subscriber.Site, siteId, StringComparison.Ordinal))
            {
                continue;
            }

            if (!subscriber.Frames.Writer.TryWrite(frame) && subscriber.Frames.Writer.TryComplete())
            {
                SitesLog.LiveSubscriberTooSlow(logger, MaxQueued);
                Remove(subscriber);
            }
        }
    }

    private static byte[] Frame(string name, byte[] json)
    {
        // JSON from the serializer has no raw line breaks, so one data: line holds it.
        var head = Encoding.UTF8.GetBytes("event: " + name + "\ndata: ");
        var frame = new byte[head.Length + json.Length + 2];
        head.CopyTo(frame, 0);
        json.CopyTo(frame, head.Length);
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        return frame;
    }

    private void Remove(Subscriber subscriber)
    {
        subscriber.Frames.Writer.TryComplete();
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscriber)];
        }
    }

    private sealed record Subscriber(string? Site, Channel<byte[]> Frames);
}

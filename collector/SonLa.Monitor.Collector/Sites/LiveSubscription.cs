using System.Threading.Channels;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>One live client's frames (server-sent-events bytes); dispose to leave. Completed when the hub drops it.</summary>
public sealed class LiveSubscription(ChannelReader<byte[]> frames, Action leave) : IDisposable
{
    private int _disposed;

    public ChannelReader<byte[]> Frames { get; } = frames;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            leave();
        }
    }
}

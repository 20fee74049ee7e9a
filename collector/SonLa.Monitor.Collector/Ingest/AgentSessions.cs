using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>The open agent streams by site, newest last. A stream is there from its Welcome until it ends.</summary>
public sealed class AgentSessions : IAgentSessions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Registration>> _bySite = new(StringComparer.Ordinal);

    /// <summary>Adds a stream; disposing the result removes it. <paramref name="send"/> queues a message, false once the stream is over.</summary>
    public IDisposable Add(string siteId, Func<CollectorMessage, bool> send)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(send);
        var registration = new Registration(this, siteId, send);
        lock (_gate)
        {
            if (!_bySite.TryGetValue(siteId, out var streams))
            {
                streams = [];
                _bySite[siteId] = streams;
            }

            streams.Add(registration);
        }

        return registration;
    }

    public bool IsConnected(string siteId)
    {
        lock (_gate)
        {
            return _bySite.ContainsKey(siteId);
        }
    }

    public bool TrySend(string siteId, CollectorMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Registration[] streams;
        lock (_gate)
        {
            if (!_bySite.TryGetValue(siteId, out var list))
            {
                return false;
            }

            streams = [.. list];
        }

        // Newest first; one that is ending (its queue closed) passes the message to the next older.
        for (var i = streams.Length - 1; i >= 0; i--)
        {
            if (streams[i].Send(message))
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            if (_bySite.TryGetValue(registration.SiteId, out var streams) && streams.Remove(registration) && streams.Count == 0)
            {
                _bySite.Remove(registration.SiteId);
            }
        }
    }

    private sealed class Registration(AgentSessions owner, string siteId, Func<CollectorMessage, bool> send) : IDisposable
    {
        public string SiteId { get; } = siteId;

        public Func<CollectorMessage, bool> Send { get; } = send;

        public void Dispose() => owner.Remove(this);
    }
}

using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Told when an agent's stream opens (after a valid Hello), shows life (every heartbeat and batch) and
/// ends. The alert engine's site_offline rule listens here. Register with
/// <c>services.AddSingleton&lt;ISitePresenceObserver, X&gt;()</c>; any number may be registered. Calls come
/// from stream threads, concurrently for different sites: return quickly and do not throw (an exception is
/// logged and ignored). A site may have two streams at once for a moment (a reconnect before the old
/// stream is noticed dead): count streams, do not assume alternation.
/// </summary>
public interface ISitePresenceObserver
{
    /// <param name="hello">The agent's Hello: boot id, version, site name and its devices with their roles.</param>
    void OnConnected(string siteId, Hello hello, DateTimeOffset at);

    void OnActivity(string siteId, DateTimeOffset at);

    void OnDisconnected(string siteId, DateTimeOffset at);
}

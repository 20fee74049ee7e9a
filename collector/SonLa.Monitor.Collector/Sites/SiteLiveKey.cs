namespace SonLa.Monitor.Collector.Sites;

/// <summary>What of a site's summary is announced live when it changes (last_seen moves with every heartbeat: not it).</summary>
internal readonly record struct SiteLiveKey(string Status, bool Connected, int ActiveAlerts, string Uplink);

using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// The agents' open streams, for sending them something outside the ack/heartbeat flow (e.g. <c>RunSelfCheck</c>).
/// Register with <c>services.AddAgentSessions()</c>; AgentGatewayService adds each stream after its Welcome.
/// </summary>
public interface IAgentSessions
{
    /// <summary>True while at least one stream of the site is open (Hello answered, not yet ended).</summary>
    bool IsConnected(string siteId);

    /// <summary>
    /// Queues the message on the site's newest open stream (an older one may be a dead NAT flow not yet noticed). False
    /// when the site has no open stream. Queued is not delivered: the stream may still break before it leaves.
    /// </summary>
    bool TrySend(string siteId, CollectorMessage message);
}

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>Where the uplink hands a collector's <c>RunSelfCheck</c> (the self-check lives elsewhere: SelfCheck/SelfCheckRequests).</summary>
public interface ISelfCheckRequests
{
    /// <summary>
    /// Must not block: it is called on the stream's receive loop. Returns false when the request was refused (too soon
    /// after the previous one).
    /// </summary>
    bool Request(string requestId);
}

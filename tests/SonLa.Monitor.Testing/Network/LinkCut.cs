namespace SonLa.Monitor.Testing.Network;

/// <summary>How <see cref="TcpProxy.Cut"/> breaks the link.</summary>
public enum LinkCut
{
    /// <summary>Every connection is reset (RST to both ends) and new ones are reset as soon as they arrive:
    /// a peer that is down, or a firewall that rejects.</summary>
    Reset,

    /// <summary>Nothing moves and nothing is said: connections stay open, bytes wait, new connections hang.
    /// What a dead 4G link looks like. On restore the held bytes flow on, as TCP resumes after a short outage.</summary>
    Blackhole,
}

using System.Net;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// Two endpoints answered with the same snmpEngineID: usually cloned device configurations, which
/// break SNMPv3 in confusing ways (keys and engine time are per engine id). It may also be one
/// agent reached over two addresses (IPv4 and IPv6): the receiver decides.
/// </summary>
public sealed class DuplicateEngineIdEventArgs(ReadOnlyMemory<byte> engineId, IPEndPoint firstEndPoint, IPEndPoint secondEndPoint) : EventArgs
{
    public ReadOnlyMemory<byte> EngineId { get; } = engineId;

    public string EngineIdHex => Convert.ToHexString(EngineId.Span);

    /// <summary>The endpoint that had this engine id first.</summary>
    public IPEndPoint FirstEndPoint { get; } = firstEndPoint;

    /// <summary>The endpoint that just reported it too.</summary>
    public IPEndPoint SecondEndPoint { get; } = secondEndPoint;
}

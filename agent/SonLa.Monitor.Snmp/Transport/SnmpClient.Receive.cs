using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Transport;

public sealed partial class SnmpClient
{
    /// <summary>Largest UDP payload; responses are received whole.</summary>
    private const int MaxDatagram = 65_535;

    private Socket GetSocket(AddressFamily family)
    {
        lock (_socketLock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            ref var slot = ref family == AddressFamily.InterNetworkV6 ? ref _socketV6 : ref _socketV4;
            if (slot is null)
            {
                var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.ReceiveBufferSize = 1 << 20;
                }
                catch (SocketException)
                {
                    // A smaller kernel buffer only means more drops under load; retries cover them.
                }

                socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
                slot = socket;
                _receiveLoops.Add(Task.Run(() => ReceiveLoopAsync(socket)));
            }

            return slot;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        var token = _disposed.Token;
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port-unreachable surfaces here on some platforms: the request just times out.
                continue;
            }

            try
            {
                Dispatch(buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
            }
#pragma warning disable CA1031 // One bad datagram must never end the loop every request depends on.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _malformed);
            }
        }
    }

    private void Dispatch(ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        CommunityMessage message;
        try
        {
            if (datagram.Length > 4 && CommunityMessageCodec.PeekVersion(datagram) == SnmpVersion.V3)
            {
                DispatchV3(datagram, from);
                return;
            }

            message = CommunityMessageCodec.Decode(datagram);
        }
        catch (SnmpDecodeException)
        {
            Interlocked.Increment(ref _malformed);
            return;
        }

        var pdu = message.Pdu;
        if (pdu is null || pdu.Type != PduType.Response ||
            !_pending.TryGetValue(pdu.RequestId, out var pending) ||
            pending.Version != message.Version ||
            !Normalize(from).Equals(pending.EndPoint))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        pending.Response.TrySetResult(pdu);
    }
}

using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.TestDoubles;

/// <summary>
/// A tiny UDP responder built on our own encoder: a test double for misbehaving devices (OIDs out
/// of order, loops, malformed answers) that no real snmpd can be made to imitate. Everything a
/// real agent does correctly is tested against snmpd instead.
/// </summary>
public sealed class FakeAgent : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Func<CommunityMessage, IEnumerable<byte[]>> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _received;

    /// <param name="respond">Datagrams to send back for each request (none = stay silent).</param>
    public FakeAgent(Func<CommunityMessage, IEnumerable<byte[]>> respond)
    {
        _respond = respond;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Datagrams received so far (every attempt of every request).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>A socket other than the agent's, to send answers from the wrong source.</summary>
    public Socket? Impostor { get; set; }

    /// <summary>Encodes a Response to <paramref name="request"/> carrying <paramref name="varBinds"/>.</summary>
    public static byte[] Response(CommunityMessage request, IReadOnlyList<VarBind> varBinds,
        ErrorStatus status = ErrorStatus.NoError, int index = 0, int? requestId = null)
    {
        var pdu = new Pdu(PduType.Response, requestId ?? request.Pdu!.RequestId, varBinds) { ErrorStatus = status, ErrorIndex = index };
        return CommunityMessageCodec.Encode(new CommunityMessage(request.Version, request.Community, pdu));
    }

    public static VarBind Vb(string oid, int value) => new(ObjectIdentifier.Parse(oid), SnmpValue.Integer32(value));

    private async Task LoopAsync()
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Interlocked.Increment(ref _received);
            var request = CommunityMessageCodec.Decode(buffer.AsSpan(0, received.ReceivedBytes));
            foreach (var datagram in _respond(request))
            {
                await (Impostor ?? _socket).SendToAsync(datagram, SocketFlags.None, received.RemoteEndPoint);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        Impostor?.Dispose();
        _stop.Dispose();
    }
}

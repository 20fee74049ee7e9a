using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Agent.Tests.Cli;

/// <summary>
/// A UDP peer on a free loopback port that answers each request with whatever <c>answer</c>
/// builds from it: the misbehaviour (garbage, error-status, OIDs going back) snmpd will not produce.
/// </summary>
internal sealed class MisbehavingAgent : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MisbehavingAgent(Func<CommunityMessage, byte[]> answer)
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult received;
                try
                {
                    received = await _socket.ReceiveAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                CommunityMessage request;
                try
                {
                    request = CommunityMessageCodec.Decode(received.Buffer);
                }
                catch (SnmpDecodeException)
                {
                    continue;
                }

                await _socket.SendAsync(answer(request), received.RemoteEndPoint, _stop.Token);
            }
        });
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_socket.Client.LocalEndPoint!).Port}";

    /// <summary>A well-formed Response to <paramref name="request"/> with the given PDU fields.</summary>
    public static byte[] Response(CommunityMessage request, Pdu response) =>
        CommunityMessageCodec.Encode(new CommunityMessage(request.Version, request.Community,
            response.WithRequestId(request.Pdu!.RequestId)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}

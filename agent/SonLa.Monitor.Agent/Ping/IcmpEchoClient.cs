using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SonLa.Monitor.Agent.Ping;

/// <summary>
/// ICMP echo over our own sockets, never by starting the <c>ping</c> program (which System.Net.NetworkInformation.Ping
/// does on Linux when it may not open a raw socket). An unprivileged ICMP socket where the system allows one
/// (net.ipv4.ping_group_range), a raw socket (CAP_NET_RAW) otherwise; IPv4 and IPv6. Requests of a round go one
/// after another, each waiting for its reply up to the timeout.
/// </summary>
public sealed class IcmpEchoClient
{
    /// <summary>Pause between two requests of a round, so routers that rate-limit ICMP do not show false loss.</summary>
    public static readonly TimeSpan RequestSpacing = TimeSpan.FromMilliseconds(200);

    private const int PayloadLength = 16;
    private const int ReceiveBufferLength = 1500;

    private readonly TimeProvider _time;
    private readonly IcmpSocketKind? _kind;
    private readonly Func<AddressFamily, IcmpSocketKind, Socket> _openSocket;
    private readonly ushort _identifier = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
    private readonly ulong _token = BinaryPrimitives.ReadUInt64BigEndian(RandomNumberGenerator.GetBytes(8));
    private int _sequence = RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);

    /// <param name="kind">A socket kind to use only; null tries <see cref="IcmpSocketKind.Datagram"/> first, then raw.</param>
    /// <param name="openSocket">Opens the socket (tests open theirs in a network namespace of their own); null opens a plain one.</param>
    public IcmpEchoClient(TimeProvider time, IcmpSocketKind? kind = null, Func<AddressFamily, IcmpSocketKind, Socket>? openSocket = null)
    {
        _time = time;
        _kind = kind;
        _openSocket = openSocket ?? Open;
    }

    public static Socket Open(AddressFamily family, IcmpSocketKind kind) => new(
        family,
        kind == IcmpSocketKind.Raw ? SocketType.Raw : SocketType.Dgram,
        family == AddressFamily.InterNetworkV6 ? ProtocolType.IcmpV6 : ProtocolType.Icmp);

    /// <summary>Sends <paramref name="count"/> echo requests. Throws <see cref="IcmpUnavailableException"/> when no ICMP socket can be opened.</summary>
    public async Task<PingResult> PingAsync(IPAddress address, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var (socket, kind) = OpenSocket(address.AddressFamily);
        using (socket)
        {
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                // Without it a broadcast target is refused with EACCES instead of going unanswered like any silent host.
                socket.EnableBroadcast = true;
            }

            var target = new IPEndPoint(address, 0);
            var buffer = new byte[ReceiveBufferLength];
            var rtts = new List<double>(count);
            string? error = null;
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(RequestSpacing, _time, cancellationToken);
                }

                var sequence = (ushort)Interlocked.Increment(ref _sequence);
                try
                {
                    if (await EchoAsync(socket, kind, target, sequence, buffer, timeout, cancellationToken) is { } rtt)
                    {
                        rtts.Add(rtt);
                    }
                }
                catch (SocketException ex)
                {
                    // No route, network down...: this request is lost, the reason kept for the log.
                    error = $"{ex.SocketErrorCode}: {ex.Message}";
                }
            }

            return new PingResult(address, count, rtts) { SocketKind = kind, Error = error };
        }
    }

    private (Socket Socket, IcmpSocketKind Kind) OpenSocket(AddressFamily family)
    {
        if (_kind is { } only)
        {
            try
            {
                return (_openSocket(family, only), only);
            }
            catch (SocketException ex)
            {
                throw new IcmpUnavailableException(Unavailable(family, only, ex), ex);
            }
        }

        try
        {
            return (_openSocket(family, IcmpSocketKind.Datagram), IcmpSocketKind.Datagram);
        }
        catch (SocketException datagram)
        {
            try
            {
                return (_openSocket(family, IcmpSocketKind.Raw), IcmpSocketKind.Raw);
            }
            catch (SocketException raw)
            {
                throw new IcmpUnavailableException(
                    $"{Unavailable(family, IcmpSocketKind.Datagram, datagram)}; {Unavailable(family, IcmpSocketKind.Raw, raw)}", raw);
            }
        }
    }

    private static string Unavailable(AddressFamily family, IcmpSocketKind kind, SocketException ex)
    {
        var ip = family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        return kind == IcmpSocketKind.Datagram
            ? $"no unprivileged {ip} ICMP socket ({ex.SocketErrorCode}; allow the agent's group in net.ipv4.ping_group_range)"
            : $"no raw {ip} ICMP socket ({ex.SocketErrorCode}; the agent needs CAP_NET_RAW)";
    }

    /// <summary>One request; the round trip in milliseconds, or null when no reply came within the timeout.</summary>
    private async Task<double?> EchoAsync(Socket socket, IcmpSocketKind kind, IPEndPoint target, ushort sequence, byte[] buffer,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteUInt64BigEndian(payload, _token);
        BinaryPrimitives.WriteUInt64BigEndian(payload.AsSpan(8), sequence);
        var request = IcmpEchoPacket.Request(target.AddressFamily, _identifier, sequence, payload);

        using var wait = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        var start = _time.GetTimestamp();
        await socket.SendToAsync(request, SocketFlags.None, target, cancellationToken);
        var any = new IPEndPoint(target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            var elapsed = _time.GetElapsedTime(start);
            if (received.RemoteEndPoint is IPEndPoint from && from.Address.Equals(target.Address) &&
                IsOurs(buffer.AsSpan(0, received.ReceivedBytes), kind, target.AddressFamily, sequence, payload))
            {
                return Math.Round(elapsed.TotalMilliseconds, 3);
            }
        }
    }

    private bool IsOurs(ReadOnlySpan<byte> received, IcmpSocketKind kind, AddressFamily family, ushort sequence, ReadOnlySpan<byte> payload)
    {
        if (!IcmpEchoPacket.TryReadReply(received, family, withIPv4Header: kind == IcmpSocketKind.Raw, out var identifier, out var replySequence, out var echoed))
        {
            return false;
        }

        // A datagram socket's identifier is chosen by the kernel, which already filters by it; a raw socket sees
        // everyone's replies, so ours are told by identifier too. The payload carries our token either way.
        return replySequence == sequence && (kind == IcmpSocketKind.Datagram || identifier == _identifier) && echoed.SequenceEqual(payload);
    }
}

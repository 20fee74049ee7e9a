using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// One SNTP exchange (RFC 4330): a 48-byte client request, and the clock offset from the four timestamps,
/// ((T2 - T1) + (T3 - T4)) / 2, positive when the server is ahead of us.
/// </summary>
public sealed class SntpClient(TimeProvider time)
{
    public const int DefaultPort = 123;

    private const int PacketLength = 48;
    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The offset of the server's clock from ours; throws <see cref="TimeoutException"/> or <see cref="SocketException"/>.</summary>
    public async Task<TimeSpan> QueryOffsetAsync(IPEndPoint server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var request = new byte[PacketLength];
        request[0] = 0b00_100_011; // LI 0, version 4, mode 3 (client)
        var t1 = time.GetUtcNow();
        WriteTimestamp(request.AsSpan(40), t1); // transmit timestamp, echoed back as the originate timestamp
        var sent = time.GetTimestamp();
        await socket.SendToAsync(request, server, cancellationToken);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var buffer = new byte[512];
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0), limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no SNTP answer from {server} within {timeout.TotalSeconds:0.#} s");
            }

            // Our clock's t4 is t1 plus the monotonic round trip: a clock step during the exchange cannot skew the result.
            var t4 = t1 + time.GetElapsedTime(sent);
            var answer = buffer.AsSpan(0, received.ReceivedBytes);
            if (answer.Length < PacketLength || (answer[0] & 0x7) != 4 || !answer.Slice(24, 8).SequenceEqual(request.AsSpan(40, 8)))
            {
                continue; // not a server answer to this request
            }

            if (answer[1] == 0)
            {
                throw new SocketException((int)SocketError.ConnectionRefused); // kiss-o'-death: the server refuses to answer
            }

            var t2 = ReadTimestamp(answer[32..]);
            var t3 = ReadTimestamp(answer[40..]);
            return ((t2 - t1) + (t3 - t4)) / 2;
        }
    }

    public static void WriteTimestamp(Span<byte> into, DateTimeOffset value)
    {
        var since = value - NtpEpoch;
        var seconds = (ulong)since.Ticks / TimeSpan.TicksPerSecond;
        var fraction = ((ulong)since.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond;
        BinaryPrimitives.WriteUInt32BigEndian(into, (uint)seconds);
        BinaryPrimitives.WriteUInt32BigEndian(into[4..], (uint)fraction);
    }

    public static DateTimeOffset ReadTimestamp(ReadOnlySpan<byte> from)
    {
        var seconds = BinaryPrimitives.ReadUInt32BigEndian(from);
        var fraction = BinaryPrimitives.ReadUInt32BigEndian(from[4..]);
        return NtpEpoch + TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond + ((long)fraction * TimeSpan.TicksPerSecond >> 32));
    }
}

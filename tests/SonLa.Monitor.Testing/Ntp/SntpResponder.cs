using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SonLa.Monitor.Testing.Ntp;

/// <summary>
/// A test SNTP server (RFC 4330) on a free 127.0.0.1 UDP port whose clock runs <see cref="Offset"/> ahead of the
/// machine's (negative = behind): a skewed NTP server without touching the system clock. Answers stratum 2, mode 4.
/// </summary>
public sealed class SntpResponder : IAsyncDisposable
{
    private static readonly DateTimeOffset NtpEpoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _answered;

    private SntpResponder(TimeSpan offset)
    {
        Offset = offset;
        _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
        _serving = ServeAsync();
    }

    public TimeSpan Offset { get; set; }

    public int Port { get; }

    /// <summary>"127.0.0.1:PORT", as <c>SelfCheck:NtpServers</c> takes it.</summary>
    public string Address => FormattableString.Invariant($"127.0.0.1:{Port}");

    public int Answered => Volatile.Read(ref _answered);

    public static SntpResponder Start(TimeSpan offset = default) => new(offset);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var request = await _socket.ReceiveAsync(_stop.Token);
            var received = DateTimeOffset.UtcNow + Offset;
            if (request.Buffer.Length < 48 || (request.Buffer[0] & 0x7) != 3)
            {
                continue;
            }

            var answer = new byte[48];
            answer[0] = (byte)((request.Buffer[0] & 0b00_111_000) | 4); // LI 0, the client's version, mode 4 (server)
            answer[1] = 2; // stratum
            answer[2] = request.Buffer[2];
            answer[3] = 0xEC; // precision 2^-20 s
            "LOCL"u8.CopyTo(answer.AsSpan(12));
            Write(answer.AsSpan(16), received); // reference timestamp
            request.Buffer.AsSpan(40, 8).CopyTo(answer.AsSpan(24)); // originate = the client's transmit timestamp
            Write(answer.AsSpan(32), received);
            Write(answer.AsSpan(40), DateTimeOffset.UtcNow + Offset);
            // Counted before the answer leaves: the client may check the count as soon as it has the answer.
            Interlocked.Increment(ref _answered);
            await _socket.SendAsync(answer, request.RemoteEndPoint, _stop.Token);
        }
    }

    private static void Write(Span<byte> into, DateTimeOffset value)
    {
        var since = value - NtpEpoch;
        BinaryPrimitives.WriteUInt32BigEndian(into, (uint)(since.Ticks / TimeSpan.TicksPerSecond));
        BinaryPrimitives.WriteUInt32BigEndian(into[4..], (uint)((ulong)(since.Ticks % TimeSpan.TicksPerSecond << 32) / TimeSpan.TicksPerSecond));
    }
}

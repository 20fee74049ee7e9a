using System.Buffers.Binary;
using System.Net.Sockets;

namespace SonLa.Monitor.Agent.Ping;

/// <summary>
/// ICMP echo request and reply (RFC 792 type 8/0 for IPv4, RFC 4443 type 128/129 for IPv6): header of type, code,
/// checksum, identifier and sequence number, then our payload. IPv6 checksums are filled in by the kernel (they cover a
/// pseudo-header we cannot see), IPv4 ones by us.
/// </summary>
public static class IcmpEchoPacket
{
    public const int HeaderLength = 8;

    public const byte EchoRequestV4 = 8;
    public const byte EchoReplyV4 = 0;
    public const byte EchoRequestV6 = 128;
    public const byte EchoReplyV6 = 129;

    private const int MinIPv4HeaderLength = 20;

    public static byte[] Request(AddressFamily family, ushort identifier, ushort sequence, ReadOnlySpan<byte> payload)
    {
        var packet = new byte[HeaderLength + payload.Length];
        packet[0] = family == AddressFamily.InterNetworkV6 ? EchoRequestV6 : EchoRequestV4;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), identifier);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        payload.CopyTo(packet.AsSpan(HeaderLength));
        if (family != AddressFamily.InterNetworkV6)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), Checksum(packet));
        }

        return packet;
    }

    /// <summary>
    /// Reads an echo reply out of what a socket received: raw IPv4 sockets deliver the IP header first, the others
    /// the ICMP message alone. Anything else (our own request looped back, an unreachable, a truncated packet) is false.
    /// </summary>
    public static bool TryReadReply(ReadOnlySpan<byte> received, AddressFamily family, bool withIPv4Header,
        out ushort identifier, out ushort sequence, out ReadOnlySpan<byte> payload)
    {
        identifier = 0;
        sequence = 0;
        payload = default;
        var message = received;
        if (family != AddressFamily.InterNetworkV6 && withIPv4Header)
        {
            if (received.Length < MinIPv4HeaderLength || received[0] >> 4 != 4)
            {
                return false;
            }

            var headerLength = (received[0] & 0x0F) * 4;
            if (headerLength < MinIPv4HeaderLength || received.Length < headerLength)
            {
                return false;
            }

            message = received[headerLength..];
        }

        var replyType = family == AddressFamily.InterNetworkV6 ? EchoReplyV6 : EchoReplyV4;
        if (message.Length < HeaderLength || message[0] != replyType || message[1] != 0)
        {
            return false;
        }

        identifier = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        sequence = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        payload = message[HeaderLength..];
        return true;
    }

    /// <summary>The Internet checksum (RFC 1071): one's complement of the one's-complement sum of 16-bit words.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += (uint)((data[i] << 8) | data[i + 1]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}

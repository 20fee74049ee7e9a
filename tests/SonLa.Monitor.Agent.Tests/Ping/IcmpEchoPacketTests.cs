using System.Net.Sockets;
using SonLa.Monitor.Agent.Ping;

namespace SonLa.Monitor.Agent.Tests.Ping;

public sealed class IcmpEchoPacketTests
{
    [Fact]
    public void Checksum_Rfc1071Example()
    {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (one's complement), so the checksum is ~ddf2.
        Assert.Equal(0x220d, IcmpEchoPacket.Checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]));
    }

    [Fact]
    public void RequestV4_TypeIdSequencePayload_ChecksumVerifies()
    {
        var packet = IcmpEchoPacket.Request(AddressFamily.InterNetwork, 0x1234, 0xBEEF, [1, 2, 3]);
        Assert.Equal([8, 0], packet[..2]);
        Assert.Equal([0x12, 0x34, 0xBE, 0xEF, 1, 2, 3], packet[4..]);
        // A correct checksum makes the whole message sum to zero.
        Assert.Equal(0, IcmpEchoPacket.Checksum(packet));
    }

    [Fact]
    public void RequestV6_Type128_ChecksumLeftToTheKernel()
    {
        var packet = IcmpEchoPacket.Request(AddressFamily.InterNetworkV6, 1, 2, []);
        Assert.Equal([128, 0, 0, 0, 0, 1, 0, 2], packet);
    }

    private static byte[] ReplyV4WithIpHeader(int ipHeaderLength = 20)
    {
        var icmp = IcmpEchoPacket.Request(AddressFamily.InterNetwork, 7, 9, [0xAA, 0xBB]);
        icmp[0] = IcmpEchoPacket.EchoReplyV4;
        var packet = new byte[ipHeaderLength + icmp.Length];
        packet[0] = (byte)(0x40 | (ipHeaderLength / 4));
        icmp.CopyTo(packet, ipHeaderLength);
        return packet;
    }

    [Theory]
    [InlineData(20)]
    [InlineData(24)]
    public void ReplyV4_AfterTheIpHeaderOfARawSocket(int ipHeaderLength)
    {
        Assert.True(IcmpEchoPacket.TryReadReply(ReplyV4WithIpHeader(ipHeaderLength), AddressFamily.InterNetwork, true, out var id, out var seq, out var payload));
        Assert.Equal((7, 9), (id, seq));
        Assert.Equal([0xAA, 0xBB], payload.ToArray());
    }

    [Fact]
    public void ReplyV6_AndDatagramV4_WithoutIpHeader()
    {
        var v6 = IcmpEchoPacket.Request(AddressFamily.InterNetworkV6, 5, 6, [1]);
        v6[0] = IcmpEchoPacket.EchoReplyV6;
        Assert.True(IcmpEchoPacket.TryReadReply(v6, AddressFamily.InterNetworkV6, false, out var id, out var seq, out _));
        Assert.Equal((5, 6), (id, seq));
        var v4 = ReplyV4WithIpHeader()[20..];
        Assert.True(IcmpEchoPacket.TryReadReply(v4, AddressFamily.InterNetwork, false, out id, out seq, out _));
        Assert.Equal((7, 9), (id, seq));
    }

    [Fact]
    public void OurOwnRequestLoopedBack_IsNoReply()
    {
        var request = IcmpEchoPacket.Request(AddressFamily.InterNetworkV6, 5, 6, [1]);
        Assert.False(IcmpEchoPacket.TryReadReply(request, AddressFamily.InterNetworkV6, false, out _, out _, out _));
        var requestV4 = ReplyV4WithIpHeader();
        requestV4[20] = IcmpEchoPacket.EchoRequestV4;
        Assert.False(IcmpEchoPacket.TryReadReply(requestV4, AddressFamily.InterNetwork, true, out _, out _, out _));
    }

    [Fact]
    public void EveryTruncationShorterThanTheHeaders_IsRefused_NeverThrows()
    {
        var packet = ReplyV4WithIpHeader();
        for (var length = 0; length < 20 + IcmpEchoPacket.HeaderLength; length++)
        {
            Assert.False(IcmpEchoPacket.TryReadReply(packet.AsSpan(0, length), AddressFamily.InterNetwork, true, out _, out _, out _), $"length {length}");
        }

        var badIhl = ReplyV4WithIpHeader();
        badIhl[0] = 0x4F; // 60-byte header claimed, 30 bytes there
        Assert.False(IcmpEchoPacket.TryReadReply(badIhl, AddressFamily.InterNetwork, true, out _, out _, out _));
    }
}

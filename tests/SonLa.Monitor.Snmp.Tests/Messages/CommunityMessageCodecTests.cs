using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Messages;

public sealed class CommunityMessageCodecTests
{
    // snmpget -v2c -c public HOST .1.3.6.1.2.1.1.3.0 as net-snmp sends it (request-id 0x1234).
    private const string GetSysUpTime =
        "30 27 02 01 01 04 06 70 75 62 6C 69 63 A0 1A 02 02 12 34 02 01 00 02 01 00 30 0E 30 0C 06 08 2B 06 01 02 01 01 03 00 05 00";

    [Fact]
    public void Encode_GetRequest_MatchesNetSnmpBytes()
    {
        var pdu = Pdu.GetRequest([ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")]).WithRequestId(0x1234);
        var bytes = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), pdu));
        Assert.Equal(Hex.Of(Hex.Bytes(GetSysUpTime)), Hex.Of(bytes));
    }

    [Fact]
    public void Decode_GetRequest_ReadsEveryField()
    {
        var message = CommunityMessageCodec.Decode(Hex.Bytes(GetSysUpTime));
        Assert.Equal(SnmpVersion.V2c, message.Version);
        Assert.True(message.CommunityEquals("public"u8));
        Assert.Equal(PduType.GetRequest, message.Pdu!.Type);
        Assert.Equal(0x1234, message.Pdu.RequestId);
        Assert.Equal(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), Assert.Single(message.Pdu.VarBinds).Oid);
        Assert.DoesNotContain("public", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetBulk_RoundTripsNonRepeatersAndMaxRepetitions()
    {
        var pdu = Pdu.GetBulkRequest(1, 25, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), ObjectIdentifier.Parse("1.3.6.1.2.1.2.2")]).WithRequestId(-7);
        var decoded = CommunityMessageCodec.Decode(CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "c"u8.ToArray(), pdu))).Pdu!;
        Assert.Equal((1, 25, -7, 2), (decoded.NonRepeaters, decoded.MaxRepetitions, decoded.RequestId, decoded.VarBinds.Count));
    }

    [Fact]
    public void TrapV1_RoundTrips()
    {
        var trap = new TrapV1Pdu(ObjectIdentifier.Parse("1.3.6.1.4.1.8072.3.2.10"), IPAddress.Parse("192.0.2.7"), 6, 17, 4294967295,
            [new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.1.3"), SnmpValue.Integer32(3))]);
        var bytes = CommunityMessageCodec.Encode(new CommunityMessage("public"u8.ToArray(), trap));
        var decoded = CommunityMessageCodec.Decode(bytes);
        Assert.Null(decoded.Pdu);
        Assert.Equal(PduType.TrapV1, decoded.PduType);
        var back = decoded.TrapV1!;
        Assert.Equal((trap.Enterprise, trap.AgentAddress, 6, 17, 4294967295u), (back.Enterprise, back.AgentAddress, back.GenericTrap, back.SpecificTrap, back.TimeStamp));
        Assert.Equal(trap.VarBinds, back.VarBinds);
    }

    [Fact]
    public void EveryTruncation_ThrowsSnmpDecodeException()
    {
        var bytes = SampleResponse();
        for (var length = 0; length < bytes.Length; length++)
        {
            var truncated = bytes[..length];
            Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(truncated));
        }
    }

    [Fact]
    public void EveryInnerCut_WithOuterLengthFixed_ThrowsNothingButSnmpDecodeException()
    {
        // Cut bytes out of the middle but keep the outer SEQUENCE length consistent, so the
        // inner lengths are the ones that must catch it.
        var bytes = SampleResponse();
        Assert.Equal(0x82, bytes[1]);
        for (var cut = 4; cut < bytes.Length; cut++)
        {
            var shorter = bytes.Take(cut).Concat(bytes.Skip(cut + 1)).ToArray();
            var length = shorter.Length - 4;
            shorter[2] = (byte)(length >> 8);
            shorter[3] = (byte)length;
            try
            {
                CommunityMessageCodec.Decode(shorter);
            }
            catch (SnmpDecodeException)
            {
                // expected for almost every cut; decoding something else is acceptable too
            }
        }
    }

    [Fact]
    public void TrailingGarbage_IsRejected()
    {
        var bytes = SampleResponse().Concat(new byte[] { 0 }).ToArray();
        Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(bytes));
    }

    [Theory]
    [InlineData("version 2", "30 0B 02 01 02 04 00 A2 04 02 01 00")]
    [InlineData("v3 message", "30 0B 02 01 03 04 00 A2 04 02 01 00")]
    [InlineData("not a PDU tag", "30 0E 02 01 01 04 00 30 07 02 01 00 02 01 00 02")]
    [InlineData("v1 trap in v2c message", "30 09 02 01 01 04 00 A4 02 06 00")]
    public void Invalid_ThrowsSnmpDecodeException(string description, string hex)
    {
        Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(Hex.Bytes(hex)));
        _ = description;
    }

    [Fact]
    public void PeekVersion_ReadsV3()
    {
        Assert.Equal(SnmpVersion.V3, CommunityMessageCodec.PeekVersion(Hex.Bytes("30 03 02 01 03")));
    }

    /// <summary>A v2c Response with every value type, long enough for a two-byte outer length.</summary>
    internal static byte[] SampleResponse()
    {
        var pdu = new Pdu(PduType.Response, 987654, SampleResponseVarBinds());
        return CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), pdu));
    }

    internal static VarBind[] SampleResponseVarBinds()
    {
        VarBind[] varBinds =
        [
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(12345)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("Xã Chiềng Cơi")),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.10.1"), SnmpValue.Counter32(uint.MaxValue)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.5.1"), SnmpValue.Gauge32(1_000_000_000)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.31.1.1.1.6.1"), SnmpValue.Counter64(ulong.MaxValue)),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.4.20.1.1.10.0.0.1"), SnmpValue.IpAddress(IPAddress.Parse("10.0.0.1"))),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.2.0"), SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.5.4294967295"))),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.1"), SnmpValue.Integer32(int.MinValue)),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.2"), SnmpValue.Opaque(new byte[] { 0x9F, 0x78, 4, 0, 0, 0, 0 })),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.3"), SnmpValue.Null),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.4"), SnmpValue.NoSuchObject),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.5"), SnmpValue.NoSuchInstance),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.6"), SnmpValue.EndOfMibView),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.1.7"), SnmpValue.OctetString(new byte[150])),
        ];
        return varBinds;
    }
}

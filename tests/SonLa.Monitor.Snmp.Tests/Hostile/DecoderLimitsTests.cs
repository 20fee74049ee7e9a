using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>Each decoder limit accepts its maximum and rejects one more, with SnmpDecodeException only.</summary>
public sealed class DecoderLimitsTests
{
    private static readonly byte[] NullValue = [0x05, 0x00];

    [Fact]
    public void Oid_128SubIdentifiers_Decodes_129_IsRejected()
    {
        // 0x2B packs 1.3; each further 0x01 byte is one more sub-identifier.
        var ok = Response(VarBindTlv([0x2B, .. Enumerable.Repeat((byte)1, BerPrimitives.MaxOidLength - 2)], NullValue));
        var tooLong = Response(VarBindTlv([0x2B, .. Enumerable.Repeat((byte)1, BerPrimitives.MaxOidLength - 1)], NullValue));

        Assert.Equal(128, CommunityMessageCodec.Decode(ok).Pdu!.VarBinds[0].Oid.Length);
        Assert.Contains("128 sub-identifiers", Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(tooLong)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OidValue_129SubIdentifiers_IsRejected()
    {
        var writer = new BerWriter();
        writer.WriteOctetString([0x2B, .. Enumerable.Repeat((byte)1, BerPrimitives.MaxOidLength - 1)], BerTag.ObjectIdentifier);
        var bytes = Response(VarBindTlv([0x2B, 6, 1], writer.ToArray()));

        Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(bytes));
    }

    [Theory]
    [InlineData(SnmpType.OctetString)]
    [InlineData(SnmpType.Opaque)]
    public void OctetString_65535Bytes_Decodes_65536_IsRejected(SnmpType type)
    {
        var ok = Message([new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), Value(type, BerPrimitives.MaxOctetStringLength))]);
        var tooLong = Message([new VarBind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), Value(type, BerPrimitives.MaxOctetStringLength + 1))]);

        Assert.Equal(65_535, CommunityMessageCodec.Decode(ok).Pdu!.VarBinds[0].Value.AsBytes().Length);
        Assert.Contains("at most 65535", Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(tooLong)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Community_Over65535Bytes_IsRejected()
    {
        var pdu = new Pdu(PduType.Response, 1, []);
        var ok = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, new byte[65_535], pdu));
        var tooLong = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, new byte[65_536], pdu));

        Assert.Equal(65_535, CommunityMessageCodec.Decode(ok).Community.Length);
        Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(tooLong));
    }

    [Fact]
    public void VarBindList_4096VarBinds_Decodes_4097_IsRejected()
    {
        var oid = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");
        var ok = Message([.. Enumerable.Repeat(VarBind.Request(oid), SnmpValueCodec.MaxVarBinds)]);
        var tooMany = Message([.. Enumerable.Repeat(VarBind.Request(oid), SnmpValueCodec.MaxVarBinds + 1)]);

        Assert.Equal(4096, CommunityMessageCodec.Decode(ok).Pdu!.VarBinds.Count);
        Assert.Contains("more than 4096 varbinds", Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(tooMany)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_UpToMaxDepth_Reads_OneMore_IsRejected()
    {
        Assert.Equal(BerReader.MaxDepth, ReadNested(Nested(BerReader.MaxDepth)));
        Assert.Contains("nesting too deep", Assert.Throws<SnmpDecodeException>(() => ReadNested(Nested(BerReader.MaxDepth + 1))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5 significant bytes", "02 05 01 00 00 00 00", false)]
    [InlineData("padded with zeros", "02 07 00 00 00 00 7F FF FF", true)]
    [InlineData("padded with FF", "02 06 FF FF FF FF FF 80", true)]
    [InlineData("9-byte Counter64 with leading zero", "46 09 00 FF FF FF FF FF FF FF FF", true)]
    [InlineData("9-byte Counter64 without", "46 09 01 00 00 00 00 00 00 00 00", false)]
    [InlineData("Counter32 of 5 significant bytes", "41 05 01 00 00 00 00", false)]
    [InlineData("empty INTEGER", "02 00", false)]
    public void IntegerSizes(string description, string valueHex, bool accepted)
    {
        var bytes = Response(VarBindTlv([0x2B, 6, 1], Hex.Bytes(valueHex)));
        var exception = Record.Exception(() => CommunityMessageCodec.Decode(bytes));

        Assert.True(accepted ? exception is null : exception is SnmpDecodeException, $"{description}: {exception}");
    }

    [Theory]
    [InlineData("5-byte long-form length", "30 85 00 00 00 00 03 02 01 01")]
    [InlineData("indefinite length", "30 80 02 01 01 00 00")]
    [InlineData("length beyond the datagram", "30 84 7F FF FF FF 02 01 01")]
    [InlineData("length 2^31", "30 84 80 00 00 00 02 01 01")]
    [InlineData("multi-byte tag", "30 05 1F 81 01 01 00")]
    public void Lengths(string description, string hex)
    {
        var exception = Record.Exception(() => CommunityMessageCodec.Decode(Hex.Bytes(hex)));
        Assert.True(exception is SnmpDecodeException, $"{description}: {exception}");
    }

    [Theory]
    [InlineData(PduType.GetBulkRequest)]
    [InlineData(PduType.InformRequest)]
    [InlineData(PduType.SNMPv2Trap)]
    [InlineData(PduType.Report)]
    public void V1Message_WithAnSnmpV2OnlyPdu_IsRejected(PduType type)
    {
        // The encoder refuses to build these; hand-patch a v2c message's version to 0.
        var bytes = CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), new Pdu(type, 1, [])));
        Assert.Equal(Hex.Of([0x02, 0x01, 0x01]), Hex.Of(bytes.AsSpan(2, 3)));
        bytes[4] = 0;

        Assert.Contains("SNMPv1 message", Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(bytes)).Message, StringComparison.Ordinal);
        bytes[4] = 1;
        Assert.Equal(type, CommunityMessageCodec.Decode(bytes).PduType);
    }

    [Fact]
    public void AuthenticationParameters_Over64Bytes_IsRejected()
    {
        Assert.Equal(48, V3MessageCodec.Decode(V3WithAuthParameters(48)).SecurityParameters.AuthenticationParameters.Length);
        Assert.Equal(64, V3MessageCodec.Decode(V3WithAuthParameters(64)).SecurityParameters.AuthenticationParameters.Length);
        Assert.Throws<SnmpDecodeException>(() => V3MessageCodec.Decode(V3WithAuthParameters(65)));
    }

    private static byte[] V3WithAuthParameters(int length)
    {
        var usm = new UsmSecurityParameters(new byte[12], 1, 2, "ops"u8.ToArray(), new byte[length], Array.Empty<byte>());
        var scoped = new ScopedPdu(new byte[12], Array.Empty<byte>(), new Pdu(PduType.Response, 5, []));
        return V3MessageCodec.Encode(new V3Message(5, MessageFlags.Auth, usm, scoped), new BerWriter(), out _);
    }

    private static SnmpValue Value(SnmpType type, int length) =>
        type == SnmpType.Opaque ? SnmpValue.Opaque(new byte[length]) : SnmpValue.OctetString(new byte[length].AsMemory());

    private static byte[] Message(VarBind[] varBinds) =>
        CommunityMessageCodec.Encode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), new Pdu(PduType.Response, 1, varBinds)));

    /// <summary>SEQUENCE { OID with the given contents, raw value TLV }.</summary>
    private static byte[] VarBindTlv(byte[] oidContents, byte[] valueTlv)
    {
        var writer = new BerWriter();
        var mark = writer.Mark();
        writer.WriteRaw(valueTlv);
        writer.WriteOctetString(oidContents, BerTag.ObjectIdentifier);
        writer.EndConstructed(BerTag.Sequence, mark);
        return writer.ToArray();
    }

    /// <summary>A v2c Response whose VarBindList holds <paramref name="varBindTlvs"/> as they are.</summary>
    private static byte[] Response(byte[] varBindTlvs)
    {
        var writer = new BerWriter();
        var message = writer.Mark();
        var pdu = writer.Mark();
        var list = writer.Mark();
        writer.WriteRaw(varBindTlvs);
        writer.EndConstructed(BerTag.Sequence, list);
        writer.WriteInteger(0);
        writer.WriteInteger(0);
        writer.WriteInteger(1);
        writer.EndConstructed((byte)PduType.Response, pdu);
        writer.WriteOctetString("public"u8);
        writer.WriteInteger(1);
        writer.EndConstructed(BerTag.Sequence, message);
        return writer.ToArray();
    }

    private static byte[] Nested(int depth)
    {
        var writer = new BerWriter();
        var marks = new Stack<int>();
        for (var i = 0; i < depth; i++)
        {
            marks.Push(writer.Mark());
        }

        writer.WriteNull();
        while (marks.Count > 0)
        {
            writer.EndConstructed(BerTag.Sequence, marks.Pop());
        }

        return writer.ToArray();
    }

    private static int ReadNested(byte[] bytes)
    {
        var reader = new BerReader(bytes);
        var depth = 0;
        while (reader.PeekTag() == BerTag.Sequence)
        {
            reader = reader.ReadConstructed(BerTag.Sequence, "SEQUENCE");
            depth++;
        }

        return depth;
    }
}

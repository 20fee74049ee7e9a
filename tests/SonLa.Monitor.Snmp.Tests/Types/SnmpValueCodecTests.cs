using System.Net;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Types;

/// <summary>Hex vectors for every SMI type's edge values (X.690 encodings, checked by hand).</summary>
public sealed class SnmpValueCodecTests
{
    public static TheoryData<string, string, SnmpValue> Vectors => new()
    {
        { "Integer32 0", "02 01 00", SnmpValue.Integer32(0) },
        { "Integer32 127", "02 01 7F", SnmpValue.Integer32(127) },
        { "Integer32 128 needs a leading zero", "02 02 00 80", SnmpValue.Integer32(128) },
        { "Integer32 -1", "02 01 FF", SnmpValue.Integer32(-1) },
        { "Integer32 -128", "02 01 80", SnmpValue.Integer32(-128) },
        { "Integer32 -129", "02 02 FF 7F", SnmpValue.Integer32(-129) },
        { "Integer32 max", "02 04 7F FF FF FF", SnmpValue.Integer32(int.MaxValue) },
        { "Integer32 min", "02 04 80 00 00 00", SnmpValue.Integer32(int.MinValue) },
        { "Counter32 0", "41 01 00", SnmpValue.Counter32(0) },
        { "Counter32 128", "41 02 00 80", SnmpValue.Counter32(128) },
        { "Counter32 2^32-1 needs 5 bytes", "41 05 00 FF FF FF FF", SnmpValue.Counter32(uint.MaxValue) },
        { "Gauge32 2^32-1", "42 05 00 FF FF FF FF", SnmpValue.Gauge32(uint.MaxValue) },
        { "TimeTicks 12345", "43 02 30 39", SnmpValue.TimeTicks(12345) },
        { "TimeTicks 2^32-1", "43 05 00 FF FF FF FF", SnmpValue.TimeTicks(uint.MaxValue) },
        { "Counter64 0", "46 01 00", SnmpValue.Counter64(0) },
        { "Counter64 2^63", "46 09 00 80 00 00 00 00 00 00 00", SnmpValue.Counter64(1UL << 63) },
        { "Counter64 2^64-1", "46 09 00 FF FF FF FF FF FF FF FF", SnmpValue.Counter64(ulong.MaxValue) },
        { "OctetString empty", "04 00", SnmpValue.OctetString(ReadOnlyMemory<byte>.Empty) },
        { "OctetString abc", "04 03 61 62 63", SnmpValue.OctetString("abc") },
        { "OctetString UTF-8 Vietnamese", "04 05 43 C6 A1 69 20", SnmpValue.OctetString("Cơi ") },
        { "Null", "05 00", SnmpValue.Null },
        { "IpAddress", "40 04 0A 01 02 03", SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")) },
        { "Opaque", "44 02 01 02", SnmpValue.Opaque(new byte[] { 1, 2 }) },
        { "OID 0.0", "06 01 00", Oid("0.0") },
        { "OID 0.39", "06 01 27", Oid("0.39") },
        { "OID 1.0", "06 01 28", Oid("1.0") },
        { "OID 1.39", "06 01 4F", Oid("1.39") },
        { "OID 2.0", "06 01 50", Oid("2.0") },
        { "OID 2.999 (second arc above 39)", "06 02 88 37", Oid("2.999") },
        { "OID 1.3.6.1", "06 03 2B 06 01", Oid("1.3.6.1") },
        { "OID sub-identifier 2^28", "06 06 2B 81 80 80 80 00", Oid("1.3.268435456") },
        { "OID sub-identifier 2^32-1", "06 0E 2B 06 01 04 01 86 8D 1F 05 8F FF FF FF 7F", Oid("1.3.6.1.4.1.99999.5.4294967295") },
        { "noSuchObject", "80 00", SnmpValue.NoSuchObject },
        { "noSuchInstance", "81 00", SnmpValue.NoSuchInstance },
        { "endOfMibView", "82 00", SnmpValue.EndOfMibView },
    };

    public static TheoryData<string, string, SnmpValue> LenientVectors => new()
    {
        { "Integer32 with a redundant leading zero", "02 02 00 05", SnmpValue.Integer32(5) },
        { "Integer32 with a redundant sign byte", "02 02 FF FF", SnmpValue.Integer32(-1) },
        { "Counter32 2^32-1 sent as signed -1 (buggy agents; net-snmp keeps the low bits)", "41 04 FF FF FF FF", SnmpValue.Counter32(uint.MaxValue) },
        { "Counter64 2^64-1 without the leading zero", "46 08 FF FF FF FF FF FF FF FF", SnmpValue.Counter64(ulong.MaxValue) },
        { "Counter32 with padding zeros", "41 03 00 00 01", SnmpValue.Counter32(1) },
        { "OctetString with long-form length", "04 81 03 61 62 63", SnmpValue.OctetString("abc") },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "Integer32 with no contents", "02 00" },
        { "Integer32 too large", "02 05 01 00 00 00 00" },
        { "Counter32 above 2^32-1", "41 05 01 00 00 00 00" },
        { "Counter32 of 6 bytes", "41 06 01 00 00 00 00 00" },
        { "Counter64 above 2^64-1", "46 09 01 00 00 00 00 00 00 00 00" },
        { "Counter64 with no contents", "46 00" },
        { "OID with no contents", "06 00" },
        { "OID ending inside a sub-identifier", "06 02 2B 86" },
        { "OID sub-identifier 2^32", "06 06 2B 90 80 80 80 00" },
        { "OID sub-identifier with a redundant 0x80", "06 03 2B 80 01" },
        { "IpAddress of 3 bytes", "40 03 01 02 03" },
        { "IpAddress of 16 bytes", "40 10 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01" },
        { "unknown application tag 0x47", "47 01 00" },
        { "indefinite length", "04 80 61 00 00" },
        { "length of 5 bytes", "04 85 00 00 00 00 01 61" },
        { "length longer than the data", "04 05 61 62" },
        { "huge claimed length, no data", "04 84 7F FF FF FF" },
        { "multi-byte tag", "1F 81 00 00" },
        { "nothing", "" },
        { "tag only", "04" },
        { "truncated long-form length", "04 82 01" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encode_MatchesVector(string description, string hex, SnmpValue value)
    {
        var writer = new BerWriter();
        SnmpValueCodec.Write(writer, value);
        Assert.True(Hex.Of(writer.WrittenSpan) == Hex.Of(Hex.Bytes(hex)), description);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    [MemberData(nameof(LenientVectors))]
    public void Decode_MatchesVector(string description, string hex, SnmpValue value)
    {
        var decoded = Decode(Hex.Bytes(hex));
        Assert.True(value.Equals(decoded), $"{description}: {decoded}");
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Decode_Malformed_ThrowsSnmpDecodeException(string description, string hex)
    {
        var error = Assert.Throws<SnmpDecodeException>(() => Decode(Hex.Bytes(hex)));
        Assert.False(string.IsNullOrEmpty(error.Reason), description);
    }

    [Theory]
    [InlineData(200, "04 81 C8")]
    [InlineData(300, "04 82 01 2C")]
    [InlineData(70000, "04 83 01 11 70")]
    public void LongOctetString_UsesLongFormLength(int length, string header)
    {
        var value = SnmpValue.OctetString(new byte[length]);
        var writer = new BerWriter(16);
        SnmpValueCodec.Write(writer, value);
        Assert.StartsWith(Hex.Of(Hex.Bytes(header)), Hex.Of(writer.WrittenSpan), StringComparison.Ordinal);
        if (length <= BerPrimitives.MaxOctetStringLength)
        {
            Assert.Equal(value, Decode(writer.ToArray()));
        }
        else
        {
            // SMI's OCTET STRING (SIZE (0..65535)): the encoder writes it, the decoder refuses it.
            Assert.Throws<SnmpDecodeException>(() => Decode(writer.ToArray()));
        }
    }

    private static SnmpValue Oid(string text) => SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(text));

    private static SnmpValue Decode(byte[] bytes)
    {
        var reader = new BerReader(bytes);
        var contents = reader.ReadTlv(out var tag);
        var value = SnmpValueCodec.ReadValue(tag, contents, 0);
        reader.ExpectEnd("value");
        return value;
    }
}

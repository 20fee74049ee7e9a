using SonLa.Monitor.Snmp.Ber;

namespace SonLa.Monitor.Snmp.Tests.Ber;

public sealed class BerReaderTests
{
    [Theory]
    [InlineData("short form", "04 03 61 62 63", 3)]
    [InlineData("long form, one length byte", "04 81 03 61 62 63", 3)]
    [InlineData("long form, two length bytes", "04 82 00 03 61 62 63", 3)]
    [InlineData("zero length", "04 00", 0)]
    public void ReadTlv_Lengths(string description, string hex, int length)
    {
        var reader = new BerReader(Hex.Bytes(hex));
        Assert.True(reader.ReadTlv(out var tag).Length == length, description);
        Assert.Equal(0x04, tag);
        Assert.False(reader.HasData);
    }

    [Fact]
    public void NestingBeyondMaxDepth_Throws()
    {
        var depth = BerReader.MaxDepth + 1;
        var bytes = new byte[depth * 2];
        for (var i = 0; i < depth; i++)
        {
            bytes[i * 2] = 0x30;
            bytes[(i * 2) + 1] = (byte)((depth - i - 1) * 2);
        }

        var error = Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(bytes);
            for (var i = 0; i < depth; i++)
            {
                reader = reader.ReadConstructed(0x30, "SEQUENCE");
            }
        });
        Assert.Contains("nesting", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorOffset_PointsIntoOuterBuffer()
    {
        // SEQUENCE { INTEGER 1, OCTET STRING claiming 9 bytes but holding 1 }
        var bytes = Hex.Bytes("30 06 02 01 01 04 09 61");
        var error = Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(bytes);
            var inner = reader.ReadConstructed(0x30, "SEQUENCE");
            inner.ReadInteger32();
            inner.ReadTlv(out _);
        });
        Assert.Equal(7, error.Offset);
    }
}

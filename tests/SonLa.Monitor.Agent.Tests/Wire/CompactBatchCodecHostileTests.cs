using CsCheck;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

/// <summary>Malformed or hostile compact bytes: one clear <see cref="CompactFormatException"/>, never another exception, a hang or a huge allocation.</summary>
public sealed class CompactBatchCodecHostileTests
{
    private static byte[] Valid()
    {
        var points = Enumerable.Range(1, 6).Select(i => WirePoints.Interface("router", i, WirePoints.Time + i, (ulong)i * 77_777, i * 1.25, i == 3 ? "Cổng" : "")).ToList();
        var flag = new Point { Measurement = "device", TimeUnixNs = WirePoints.Time };
        flag.Fields.Add("up", new FieldValue { BoolValue = true });
        points.Add(flag);
        return CompactBatchCodec.Encode(points).ToByteArray();
    }

    [Fact]
    public void EveryTruncation_Throws()
    {
        var valid = Valid();
        for (var length = 0; length < valid.Length; length++)
        {
            var ex = Assert.Throws<CompactFormatException>(() => CompactBatchCodec.Decode(valid.AsSpan(0, length)));
            Assert.StartsWith("compact points: ", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TrailingBytes_Throw()
    {
        var ex = Assert.Throws<CompactFormatException>(() => CompactBatchCodec.Decode([.. Valid(), 0]));
        Assert.Contains("after the last group", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlippedBytes_DecodeOrThrowTheFormatException()
    {
        var valid = Valid();
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, valid.Length - 1], Gen.Byte).Sample((i, b, j, c) =>
        {
            var bytes = (byte[])valid.Clone();
            bytes[i] = b;
            bytes[j] ^= c;
            DecodeOrFormatException(bytes);
        }, iter: 3000);
    }

    [Fact]
    public void RandomBytes_DecodeOrThrowTheFormatException()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => DecodeOrFormatException([1, .. bytes]), iter: 3000);
    }

    public static TheoryData<string, byte[], string> Vectors => new()
    {
        { "unknown version", [2, 0, 0, 0, 0], "version 2" },
        { "string count beyond the input", [1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], "string count" },
        { "string length beyond the input", [1, 1, 50, 0x61], "truncated in string" },
        { "varint of eleven bytes", [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], "longer than 64 bits" },
        { "invalid UTF-8", [1, 1, 2, 0xC3, 0x28, 0, 0, 0], "invalid UTF-8" },
        { "measurement index out of range", [1, 0, 1, 100, 0, 0, 0], "measurement 50 out of range" },
        { "duplicate tag key", [1, 0, 1, 2, 2, 16, 2, 16, 2, 0, 0], "tag key \"site\" twice" },
        // One series, one time, one group with no fields claiming 2^40 points in constant columns.
        { "point count beyond the bounds", [1, 0, 1, 2, 0, 1, 0, 1, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0, 0, 0, 0], "point count" },
        { "series index out of range", [1, 0, 1, 2, 0, 1, 0, 1, 0, 1, 0, 4, 0, 0], "series index 2 out of range" },
        { "unknown column mode", [1, 0, 1, 2, 0, 1, 0, 1, 0, 1, 9, 0, 0, 0], "unknown column mode 9" },
        { "unknown field kind", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 7, 1, 0, 0, 0, 0, 0, 0], "unknown kind 7" },
        { "bool that is 2", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 5, 1, 0, 0, 0, 0, 0, 2, 0, 4], "not a valid Bool" },
        { "string value index out of range", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 4, 1, 0, 0, 0, 0, 0, 2, 0, 120], "value 60 is not a valid String" },
        { "integral double beyond 2^53", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 1, 1, 0, 0, 0, 0, 0, 2, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], "beyond 2^53" },
        { "unknown double tag", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 1, 1, 0, 0, 0, 0, 0, 2, 0, 3], "unknown double tag 3" },
        { "presence other than 0 or 1", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 5, 1, 0, 0, 0, 0, 0, 4, 0, 2], "presence 2 is not 0 or 1" },
        { "field present in no point", [1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 5, 1, 0, 0, 0, 0, 0, 0], "present in no point" },
        { "runs short of the point count", [1, 0, 1, 2, 0, 1, 0, 1, 0, 2, 3, 1, 0, 1, 0, 0], "runs cover 1 of 2" },
        { "run longer than the point count", [1, 0, 1, 2, 0, 1, 0, 1, 0, 2, 3, 1, 0, 5, 0, 0], "run of 5 where 2 values remain" },
        { "plain column longer than the input", [1, 0, 1, 2, 0, 1, 0, 1, 0, 0x80, 0x01, 2, 0, 0], "128 values but only" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void MalformedVector_ThrowsAClearMessage(string description, byte[] bytes, string expected)
    {
        var ex = Assert.Throws<CompactFormatException>(() => CompactBatchCodec.Decode(bytes));
        Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), $"{description}: {ex.Message}");
    }

    [Fact]
    public void CraftedVector_IsValidWhenNotBroken()
    {
        // The base of the vectors above, well formed: no strings of its own; one series of measurement "interface"
        // (static string 1), one time, one group: field "device" (static string 2), a bool present and true.
        var points = CompactBatchCodec.Decode([1, 0, 1, 2, 0, 1, 0, 1, 1, 2, 5, 1, 0, 0, 0, 0, 0, 2, 0, 2]);

        var point = Assert.Single(points);
        Assert.Equal("interface", point.Measurement);
        Assert.Empty(point.Tags);
        Assert.True(point.Fields["device"].BoolValue);
    }

    [Fact]
    public void ManyTagsRepeatedByConstantColumns_AreRefused()
    {
        // One series with 40 tags (the static strings as keys), repeated by 800 points in constant columns: under 100
        // bytes that would become 32,000 map entries.
        var bytes = new List<byte> { 1, 0, 1, 2, 40 };
        for (var key = 1; key <= 40; key++)
        {
            bytes.AddRange([(byte)(2 * key), 0]);
        }

        bytes.AddRange([1, 0, 1, 0, 0xA0, 0x06, 0, 0, 0, 0]);

        var ex = Assert.Throws<CompactFormatException>(() => CompactBatchCodec.Decode(bytes.ToArray()));
        Assert.Contains("tags and field values out of bounds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_MalformedSection_Throws()
    {
        var batch = new SampleBatch { CompactPoints = Google.Protobuf.ByteString.CopyFrom(1, 7) };

        Assert.Throws<CompactFormatException>(() => CompactBatchCodec.Expand(batch));
    }

    private static void DecodeOrFormatException(byte[] bytes)
    {
        try
        {
            var points = CompactBatchCodec.Decode(bytes);
            Assert.True(points.Count <= CompactLimits.MaxPoints(bytes.Length));
        }
        catch (CompactFormatException)
        {
        }
    }
}

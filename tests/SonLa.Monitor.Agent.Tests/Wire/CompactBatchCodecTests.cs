using Google.Protobuf;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

public sealed class CompactBatchCodecTests
{
    [Fact]
    public void Compact_MovesPointsIntoTheCompactField_AndExpandGivesThemBack()
    {
        var batch = new SampleBatch { BootId = "b", Sequence = 3 };
        for (var i = 1; i <= 50; i++)
        {
            batch.Points.Add(WirePoints.Interface("router", i, WirePoints.Time, (ulong)i * 1_000_003, i % 3 == 0 ? 0 : 1_234.5678 * i, i == 7 ? "Cổng quang, \"VNPT\"" : ""));
        }

        var original = batch.Points.ToList();
        var plainSize = batch.CalculateSize();

        CompactBatchCodec.Compact(batch);

        Assert.Empty(batch.Points);
        Assert.False(batch.CompactPoints.IsEmpty);
        Assert.True(batch.CalculateSize() * 4 < plainSize, $"compact {batch.CalculateSize()} bytes vs plain {plainSize}");
        WirePoints.AssertSameSet(original, CompactBatchCodec.Expand(batch));
        var reparsed = SampleBatch.Parser.ParseFrom(batch.ToByteArray());
        WirePoints.AssertSameSet(original, CompactBatchCodec.Expand(reparsed));
    }

    [Fact]
    public void Compact_KeepsPointsWithAnEmptyFieldValuePlain()
    {
        var batch = new SampleBatch();
        var broken = WirePoints.Interface("router", 1, WirePoints.Time, 5, 1.5);
        broken.Fields.Add("empty", new FieldValue());
        batch.Points.Add(broken);
        for (var i = 2; i < 10; i++)
        {
            batch.Points.Add(WirePoints.Interface("router", i, WirePoints.Time, 5, 1.5));
        }

        var original = batch.Points.ToList();

        CompactBatchCodec.Compact(batch);

        Assert.Equal(broken, Assert.Single(batch.Points));
        WirePoints.AssertSameSet(original, CompactBatchCodec.Expand(batch));
    }

    [Fact]
    public void Compact_Twice_MergesWithTheCompactSectionAlreadyThere()
    {
        var batch = new SampleBatch();
        batch.Points.Add(WirePoints.Interface("router", 1, WirePoints.Time, 10, 0));
        batch.Points.Add(WirePoints.Interface("router", 2, WirePoints.Time, 20, 0));
        CompactBatchCodec.Compact(batch);
        var later = WirePoints.Interface("firewall", 1, WirePoints.Time + 60_000_000_000, 30, 2.25);
        batch.Points.Add(later);

        CompactBatchCodec.Compact(batch);

        Assert.Empty(batch.Points);
        var points = CompactBatchCodec.Expand(batch);
        Assert.Equal(3, points.Count);
        Assert.Contains(later, points);
    }

    [Fact]
    public void Expand_WithoutCompactSection_IsThePlainPoints()
    {
        var batch = new SampleBatch();
        batch.Points.Add(WirePoints.Interface("router", 1, WirePoints.Time, 10, 0));

        Assert.Equal(batch.Points, CompactBatchCodec.Expand(batch));
    }

    [Fact]
    public void Expand_MixedBatch_GivesPlainAndCompactPoints()
    {
        var compact = new[] { WirePoints.Interface("router", 1, WirePoints.Time, 10, 0), WirePoints.Interface("router", 2, WirePoints.Time, 11, 0) };
        var plain = WirePoints.Interface("router", 3, WirePoints.Time, 12, 0);
        var batch = new SampleBatch { CompactPoints = CompactBatchCodec.Encode(compact) };
        batch.Points.Add(plain);

        WirePoints.AssertSameSet([.. compact, plain], CompactBatchCodec.Expand(batch));
    }

    [Fact]
    public void Encode_EdgeValues_RoundTripBitForBit()
    {
        var point = new Point { Measurement = "Đo lường", TimeUnixNs = long.MinValue };
        point.Tags.Add("tên", "Xã Chiềng Cơi 🛰");
        point.Tags.Add("", "");
        double[] doubles =
        [
            double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123), double.PositiveInfinity, double.NegativeInfinity,
            -0.0, 0.0, double.Epsilon, double.MaxValue, double.MinValue, 9007199254740992.0, -9007199254740992.0,
            9007199254740994.0, 0.1, -1.0, 1e300,
        ];
        for (var i = 0; i < doubles.Length; i++)
        {
            point.Fields.Add("d" + i, new FieldValue { DoubleValue = doubles[i] });
        }

        point.Fields.Add("imin", new FieldValue { IntValue = long.MinValue });
        point.Fields.Add("imax", new FieldValue { IntValue = long.MaxValue });
        point.Fields.Add("umax", new FieldValue { UintValue = ulong.MaxValue });
        point.Fields.Add("uhalf", new FieldValue { UintValue = 1UL << 63 });
        point.Fields.Add("s", new FieldValue { StringValue = "Mất kết nối, \"WAN\"\n\0 =," });
        point.Fields.Add("empty", new FieldValue { StringValue = "" });
        point.Fields.Add("yes", new FieldValue { BoolValue = true });
        point.Fields.Add("no", new FieldValue { BoolValue = false });
        var second = point.Clone();
        second.TimeUnixNs = long.MaxValue;
        second.Fields["umax"] = new FieldValue { UintValue = 0 };
        second.Fields["imin"] = new FieldValue { IntValue = long.MaxValue };
        var third = point.Clone();
        third.TimeUnixNs = 0;

        var decoded = CompactBatchCodec.Decode(CompactBatchCodec.Encode([point, second, third]).Span);

        WirePoints.AssertSameSet([point, second, third], decoded);
    }

    [Fact]
    public void Encode_PointsWithoutFieldsOrMeasurement_RoundTrip()
    {
        var bare = new Point();
        var duplicate = new Point();
        var tagged = new Point { TimeUnixNs = 5 };
        tagged.Tags.Add("device", "router");

        WirePoints.AssertSameSet([bare, duplicate, tagged], CompactBatchCodec.Decode(CompactBatchCodec.Encode([bare, duplicate, tagged]).Span));
    }

    [Fact]
    public void Encode_NoPoints_DecodesToNone()
    {
        Assert.Empty(CompactBatchCodec.Decode(CompactBatchCodec.Encode([]).Span));
    }

    [Fact]
    public void Encode_FieldWithoutValue_IsRefused()
    {
        var point = new Point { Measurement = "m" };
        point.Fields.Add("f", new FieldValue());

        Assert.False(CompactBatchCodec.CanEncode(point));
        Assert.Throws<ArgumentException>(() => CompactBatchCodec.Encode([point]));
    }

    [Fact]
    public void Compact_StringWithALoneSurrogate_LeavesTheBatchPlain()
    {
        var batch = new SampleBatch();
        for (var i = 0; i < 5; i++)
        {
            batch.Points.Add(WirePoints.Interface("router", i, WirePoints.Time, 1, 0, i == 2 ? "bad \ud800 alias" : ""));
        }

        CompactBatchCodec.Compact(batch);

        Assert.Equal(5, batch.Points.Count);
        Assert.True(batch.CompactPoints.IsEmpty);
    }
}

using CsCheck;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

public sealed class CompactBatchCodecPropertyTests
{
    private static readonly Gen<string> GenText = Gen.OneOf(
        "", "a", "router", "if_name", "Cổng quang", "Xã Chiềng Cơi", "Mường Bú", "🛰", "\"", ",", "=", " ", "\n", "\0", "é", "ổ", "x")
        .Array[0, 4].Select(string.Concat);

    private static readonly Gen<double> GenDouble = Gen.OneOf(
        Gen.Double,
        Gen.Long[-1_000_000, 1_000_000].Select(x => (double)x),
        Gen.Double[0, 1e9],
        Gen.OneOf(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue,
            9007199254740992.0, -9007199254740992.0, 9007199254740994.0, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123)));

    private static readonly Gen<long> GenLong = Gen.OneOf(Gen.Long, Gen.Long[-300, 300], Gen.OneOf(long.MinValue, long.MaxValue, 0L, -1L));

    private static readonly Gen<ulong> GenULong = Gen.OneOf(Gen.ULong, Gen.ULong[0, 1000], Gen.OneOf(ulong.MaxValue, 0UL, 1UL << 63));

    private static readonly Gen<FieldValue> GenValue = Gen.OneOf(
        GenDouble.Select(v => new FieldValue { DoubleValue = v }),
        GenLong.Select(v => new FieldValue { IntValue = v }),
        GenULong.Select(v => new FieldValue { UintValue = v }),
        GenText.Select(v => new FieldValue { StringValue = v }),
        Gen.Bool.Select(v => new FieldValue { BoolValue = v }));

    private static readonly Gen<long> GenTime = Gen.OneOf(
        Gen.Long,
        Gen.Long[0, 100].Select(i => WirePoints.Time + (i * 60_000_000_000)),
        Gen.OneOf(long.MinValue, long.MaxValue, 0L));

    private static readonly Gen<Point> GenPoint = Gen.Select(
            Gen.OneOf("interface", "device", "", "Đo"),
            Gen.Select(Gen.OneOf("device", "if_index", "if_name", "site", "", "tên"), GenText).Array[0, 5],
            Gen.Select(Gen.OneOf("in_octets", "in_bps", "oper_status", "if_alias", "reachable", "x", "", "tốc độ"), GenValue).Array[0, 8],
            GenTime)
        .Select((measurement, tags, fields, time) =>
        {
            var point = new Point { Measurement = measurement, TimeUnixNs = time };
            foreach (var (key, value) in tags)
            {
                point.Tags[key] = value;
            }

            foreach (var (key, value) in fields)
            {
                point.Fields[key] = value;
            }

            return point;
        });

    [Fact]
    public void AnyPoints_RoundTripExactly()
    {
        GenPoint.Array[0, 40].Sample(points =>
        {
            var decoded = CompactBatchCodec.Decode(CompactBatchCodec.Encode(points).Span);
            WirePoints.AssertSameSet(points, decoded);
        }, iter: 400);
    }

    [Fact]
    public void SeriesPolledRepeatedly_RoundTripExactly()
    {
        // Few series, many polls: long columns where delta and constant modes are chosen.
        var gen = Gen.Select(Gen.Int[1, 6], Gen.Int[1, 30], Gen.ULong, Gen.Long[0, 5_000_000], Gen.Bool, Gen.Int[0, 1_000_000]);
        gen.Sample((interfaces, polls, start, step, idle, seed) =>
        {
            var random = new Random(seed);
            var points = new List<Point>();
            for (var poll = 0; poll < polls; poll++)
            {
                for (var i = 1; i <= interfaces; i++)
                {
                    var octets = unchecked(start + (ulong)(poll * (idle ? 0 : step + random.Next(1000))));
                    var bps = idle ? 0 : random.NextDouble() * 1e6;
                    points.Add(WirePoints.Interface("router", i, WirePoints.Time + (poll * 60_000_000_000L) + random.Next(3), octets, bps));
                }
            }

            var batch = new SampleBatch();
            batch.Points.AddRange(points);
            CompactBatchCodec.Compact(batch);
            WirePoints.AssertSameSet(points, CompactBatchCodec.Expand(batch));
        }, iter: 200);
    }

    [Fact]
    public void Compact_AnyBatch_KeepsEveryPoint()
    {
        GenPoint.Array[0, 30].Sample(points =>
        {
            var batch = new SampleBatch();
            batch.Points.AddRange(points);
            CompactBatchCodec.Compact(batch);
            WirePoints.AssertSameSet(points, CompactBatchCodec.Expand(batch));
        }, iter: 300);
    }
}

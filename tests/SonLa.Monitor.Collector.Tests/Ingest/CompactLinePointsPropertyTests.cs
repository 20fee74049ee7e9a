using CsCheck;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// The collector reads compact points straight into line-protocol points (CompactLinePoints); whatever the agent
/// sends, that must store exactly what the plain points would: the same lines, the same points dropped.
/// </summary>
public sealed class CompactLinePointsPropertyTests
{
    private static readonly Gen<string> GenText = Gen.OneOf("", "a", "router", "site", "Cổng quang", "Xã Chiềng Cơi", ",", "=", " ", "\n", "\"", "\\")
        .Array[0, 3].Select(string.Concat);

    private static readonly Gen<FieldValue> GenValue = Gen.OneOf(
        Gen.OneOf(Gen.Double, Gen.Long[-1000, 1000].Select(x => (double)x), Gen.OneOf(double.NaN, double.PositiveInfinity, -0.0))
            .Select(v => new FieldValue { DoubleValue = v }),
        Gen.OneOf(Gen.Long, Gen.Long[-300, 300]).Select(v => new FieldValue { IntValue = v }),
        Gen.OneOf(Gen.ULong, Gen.OneOf(ulong.MaxValue, 1UL << 63)).Select(v => new FieldValue { UintValue = v }),
        GenText.Select(v => new FieldValue { StringValue = v }),
        Gen.Bool.Select(v => new FieldValue { BoolValue = v }));

    private static readonly Gen<Point> GenPoint = Gen.Select(
            Gen.OneOf("interface", "device", "", "Đo lường"),
            Gen.Select(Gen.OneOf("device", "if_index", "if_name", "site", "", "tên"), GenText).Array[0, 5],
            Gen.Select(Gen.OneOf("in_octets", "in_bps", "oper_status", "if_alias", "reachable", "", "tốc độ", "z"), GenValue).Array[0, 8],
            Gen.OneOf(Gen.Long[1, 1000].Select(i => 1_764_200_000_000_000_000L + (i * 60_000_000_000L)), Gen.OneOf(0L, 1L, long.MaxValue)))
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
    public void CompactBatch_StoresExactlyWhatThePlainBatchStores()
    {
        GenPoint.Array[0, 30].Sample(points =>
        {
            var plain = new SampleBatch { BootId = "boot", Sequence = 1 };
            plain.Points.AddRange(points);
            var compact = plain.Clone();
            CompactBatchCodec.Compact(compact);

            var expected = BatchConverter.Convert(plain, "chieng-coi");
            var actual = BatchConverter.Convert(compact, "chieng-coi");

            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Invalid, actual.Invalid);
            Assert.Equal(Lines(expected), Lines(actual));
        }, iter: 500);
    }

    private static List<string> Lines(ConvertedBatch converted) =>
        converted.Points.Select(LineProtocol.Format).Order(StringComparer.Ordinal).ToList();
}

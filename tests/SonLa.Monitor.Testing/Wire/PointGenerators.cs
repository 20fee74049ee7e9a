using CsCheck;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Testing.Wire;

/// <summary>CsCheck generators of agent points, shared by the codec's property tests (agent) and the collector's.</summary>
public static class PointGenerators
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

    /// <summary>
    /// Any point: every field type with its edge values (NaN payloads, -0.0, 2^53 neighbours, extreme integers), names and
    /// tags with the characters line protocol escapes, empty keys, Vietnamese text, times near <paramref name="baseTime"/>
    /// and at the extremes (0 included: such a point must be dropped, not stored).
    /// </summary>
    public static Gen<Point> AnyPoint(long baseTime) => Gen.Select(
            Gen.OneOf("interface", "device", "", "Đo"),
            Gen.Select(Gen.OneOf("device", "if_index", "if_name", "site", "", "tên"), GenText).Array[0, 5],
            Gen.Select(Gen.OneOf("in_octets", "in_bps", "oper_status", "if_alias", "reachable", "x", "", "tốc độ"), GenValue).Array[0, 8],
            Gen.OneOf(Gen.Long, Gen.Long[0, 100].Select(i => baseTime + (i * 60_000_000_000)), Gen.OneOf(long.MinValue, long.MaxValue, 0L)))
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
}

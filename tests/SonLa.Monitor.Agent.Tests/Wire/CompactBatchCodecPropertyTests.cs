using CsCheck;
using SonLa.Monitor.Testing.Wire;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Tests.Wire;

public sealed class CompactBatchCodecPropertyTests
{
    private static readonly Gen<Point> GenPoint = PointGenerators.AnyPoint(WirePoints.Time);

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

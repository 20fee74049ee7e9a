using CsCheck;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Wire;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// The collector reads compact points straight into line-protocol points (CompactLinePoints); whatever the agent
/// sends, that must store exactly what the plain points would: the same lines, the same points dropped.
/// </summary>
public sealed class CompactLinePointsPropertyTests
{
    private static readonly Gen<Point> GenPoint = PointGenerators.AnyPoint(1_764_200_000_000_000_000L);

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

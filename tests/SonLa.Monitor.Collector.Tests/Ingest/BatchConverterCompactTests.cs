using Google.Protobuf;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>Batches whose points come in <c>compact_points</c>: the same line protocol as plain, garbled bytes rejected whole.</summary>
public class BatchConverterCompactTests
{
    private static SampleBatch PlainBatch()
    {
        var batch = Samples.Batch("boot", 1,
            Samples.Interface("router", "1", "Cổng quang"),
            Samples.Interface("router", "2", "wan, 4G \"backup\"", Samples.Time + 1),
            Samples.Interface("router", "3", "lte0", spoofedSite: "other"),
            Samples.Device("router"));
        batch.Events.Add(Samples.LinkDown("router"));
        return batch;
    }

    private static List<string> Lines(ConvertedBatch converted) =>
        converted.Points.Select(LineProtocol.Format).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void CompactBatch_GivesTheSameLineProtocolAsPlain()
    {
        var plain = PlainBatch();
        var compact = plain.Clone();
        CompactBatchCodec.Compact(compact);
        Assert.Empty(compact.Points);

        var expected = BatchConverter.Convert(plain, "chieng-coi");
        var actual = BatchConverter.Convert(compact, "chieng-coi");

        Assert.Equal(5, actual.Total);
        Assert.Equal(0, actual.Invalid);
        Assert.Equal(Lines(expected), Lines(actual));
        Assert.Contains(actual.Points, p => LineProtocol.Format(p).Contains("site=chieng-coi", StringComparison.Ordinal)
            && LineProtocol.Format(p).Contains("if_index=3", StringComparison.Ordinal));
    }

    [Fact]
    public void MixedBatch_StoresPlainAndCompactPoints()
    {
        var batch = Samples.Batch("boot", 2, Samples.Device("firewall"));
        batch.CompactPoints = CompactBatchCodec.Encode([Samples.Interface("router", "1", "Cổng quang"), Samples.Device("router")]);

        var converted = BatchConverter.Convert(batch, "s1");

        Assert.Equal(3, converted.Total);
        Assert.Equal(3, converted.Points.Count);
        Assert.Equal(["device", "device", "interface"], converted.Points.Select(p => p.Measurement).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CompactPointWithoutTime_IsDroppedAlone()
    {
        var batch = Samples.Batch("boot", 3);
        batch.CompactPoints = CompactBatchCodec.Encode([Samples.Device("a", time: 0), Samples.Device("b")]);

        var converted = BatchConverter.Convert(batch, "s1");

        Assert.Equal(1, converted.Invalid);
        Assert.Single(converted.Points);
    }

    [Theory]
    [InlineData(new byte[] { 9 }, "unknown format version 9")]
    [InlineData(new byte[] { 1, 5 }, "string count 5 exceeds")]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0 }, "after the last group")]
    public void GarbledCompactBytes_MakeEveryPointInvalid_SoTheBatchIsRejected(byte[] bytes, string reason)
    {
        var batch = PlainBatch();
        batch.CompactPoints = ByteString.CopyFrom(bytes);

        var converted = BatchConverter.Convert(batch, "s1");

        Assert.Empty(converted.Points);
        Assert.Equal(converted.Total, converted.Invalid);
        Assert.Equal(6, converted.Total);
        Assert.StartsWith("compact points: ", converted.FirstProblem, StringComparison.Ordinal);
        Assert.Contains(reason, converted.FirstProblem, StringComparison.Ordinal);
    }
}

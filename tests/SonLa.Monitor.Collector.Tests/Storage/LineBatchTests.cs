using System.Text;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Storage;

public class LineBatchTests
{
    private static List<LinePoint> Points(int count, int messageLength) =>
        Enumerable.Range(0, count)
            .Select(i => new LinePoint("event", [new("site", "xa-" + i)],
                [new("message", LineValue.FromString(new string('đ', messageLength))), new("n", LineValue.FromInteger(i))], 1_000 + i))
            .ToList();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 10)]
    // Lines far longer than the first guess of the pooled buffer: it grows and keeps what was written.
    [InlineData(50, 5_000)]
    [InlineData(2_000, 300)]
    public void From_HoldsExactlyTheLinesOfTheFormatter(int count, int messageLength)
    {
        var points = Points(count, messageLength);
        var expected = LineProtocol.Format(points);

        var batch = LineBatch.From(points);

        Assert.Equal(expected, batch.ToText());
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), batch.Bytes);
        Assert.Equal(count, batch.Points);
        Assert.True(batch.HeldBytes >= batch.Bytes, $"holds {batch.HeldBytes} bytes for a body of {batch.Bytes}");
    }

    [Fact]
    public async Task CopyTo_WritesTheBody_AndReleaseMayBeCalledTwice()
    {
        var batch = LineBatch.Concat([LineBatch.From(Points(2, 5)), LineBatch.From(Points(3, 7))]);
        using var body = new MemoryStream();

        await batch.CopyToAsync(body, CancellationToken.None);

        Assert.Equal(batch.Bytes, body.Length);
        Assert.Equal(5, Encoding.UTF8.GetString(body.ToArray()).Split('\n').Length);
        var one = LineBatch.From(Points(1, 1));
        one.Release();
        one.Release();
    }

    [Fact]
    public void A_PointThatCannotBeWritten_Throws_AndTheNextBatchIsStillRight()
    {
        List<LinePoint> broken = [new("m", [], [new("v", LineValue.FromDouble(double.NaN))], 1)];

        Assert.Throws<ArgumentException>(() => LineBatch.From(broken));
        var points = Points(10, 20);
        Assert.Equal(LineProtocol.Format(points), LineBatch.From(points).ToText());
    }
}

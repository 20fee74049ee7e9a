using SonLa.Monitor.Collector.History;

namespace SonLa.Monitor.Collector.Tests.History;

public class HistoryRangeTests
{
    [Theory]
    [InlineData("1h", 30, 120)]
    [InlineData("24h", 300, 288)]
    [InlineData("7d", 1800, 336)]
    public void Ranges_HaveTheDocumentedStep_AndAFewHundredPoints(string name, int stepSeconds, int points)
    {
        var range = HistoryRange.Find(name)!;
        Assert.Equal(TimeSpan.FromSeconds(stepSeconds), range.Step);
        Assert.Equal(points, range.Points);
    }

    [Theory]
    [InlineData("2h")]
    [InlineData("1H")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownRange_IsNull(string? name) => Assert.Null(HistoryRange.Find(name));

    [Fact]
    public void Window_EndsAfterTheStepInProgress_AlignedToTheStep()
    {
        var now = new DateTimeOffset(2026, 11, 27, 14, 37, 10, TimeSpan.FromHours(7));
        var (from, to) = HistoryRange.Day.Window(now);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 40, 0, TimeSpan.Zero), to);
        Assert.Equal(to.AddHours(-24), from);

        var exact = HistoryRange.Hour.Window(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 0, 30, TimeSpan.Zero), exact.To);
    }
}

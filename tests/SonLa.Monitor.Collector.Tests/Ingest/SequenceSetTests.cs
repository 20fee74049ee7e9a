using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Tests.Ingest;

public class SequenceSetTests
{
    [Theory]
    [InlineData("", 0, 0, 0)]
    [InlineData("5", 1, 0, 1)]
    [InlineData("1 2 3 4", 4, 0, 1)]
    [InlineData("4 3 2 1", 4, 0, 1)]
    [InlineData("1 3", 2, 1, 2)]
    [InlineData("1 3 2", 3, 0, 1)]
    [InlineData("10 1 5", 3, 7, 3)]
    [InlineData("10 1 5 2 3 4 6 7 8 9", 10, 0, 1)]
    [InlineData("0 18446744073709551615", 2, 18446744073709551614, 2)]
    [InlineData("18446744073709551615 18446744073709551614", 2, 0, 1)]
    public void Add_InAnyOrder_CountsMissingBetweenLowestAndHighest(string values, ulong count, ulong missing, int intervals)
    {
        var set = new SequenceSet();
        foreach (var value in values.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse))
        {
            Assert.True(set.Add(value, out var givenUp));
            Assert.Equal(0UL, givenUp);
        }

        Assert.Equal(count, set.Count);
        Assert.Equal(missing, set.Missing);
        Assert.Equal(intervals, set.Intervals);
    }

    [Fact]
    public void Add_Again_IsFalse_AndChangesNothing()
    {
        var set = new SequenceSet();
        set.Add(1, out _);
        set.Add(2, out _);
        set.Add(7, out _);

        Assert.False(set.Add(2, out _));
        Assert.False(set.Add(7, out _));
        Assert.True(set.Contains(1));
        Assert.False(set.Contains(3));
        Assert.Equal(3UL, set.Count);
        Assert.Equal(4UL, set.Missing);
    }

    [Fact]
    public void TooManyHoles_GivesUpTheOldestHole_MemoryStaysBounded()
    {
        var set = new SequenceSet();
        ulong givenUpTotal = 0;

        // Every other number: one hole per number, far more holes than are tracked.
        for (ulong i = 0; i < 1000; i++)
        {
            set.Add(i * 2, out var givenUp);
            givenUpTotal += givenUp;
        }

        Assert.True(set.Intervals <= SequenceSet.MaxIntervals);
        Assert.Equal((ulong)(1000 - SequenceSet.MaxIntervals), givenUpTotal);
        Assert.Equal((ulong)(SequenceSet.MaxIntervals - 1), set.Missing);
        // The holes still tracked are the newest ones.
        Assert.False(set.Contains(1997));
        Assert.True(set.Contains(1));
    }
}

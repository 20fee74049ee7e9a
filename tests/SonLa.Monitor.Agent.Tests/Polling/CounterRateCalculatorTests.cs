using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class CounterRateCalculatorTests
{
    private const double Mbps100 = 100_000_000;

    public static TheoryData<string, ulong, ulong, int, double, double, RateOutcome, double?> Cases => new()
    {
        // description, previous, current, width, elapsed s, speed bps, outcome, expected bps
        { "normal 32-bit", 1_000, 76_000, 32, 60, Mbps100, RateOutcome.Ok, 10_000 },
        { "idle link is a true zero", 5_000, 5_000, 32, 60, Mbps100, RateOutcome.Ok, 0 },
        { "normal 64-bit", 10_000_000_000, 10_750_000_000, 64, 60, 1e9, RateOutcome.Ok, 100_000_000 },
        { "32-bit wrap", 4_294_967_000, 500, 32, 60, Mbps100, RateOutcome.Ok, (296 + 500) * 8 / 60.0 },
        { "32-bit wrap at full line rate", 4_294_000_000, 745_000_000, 32, 60, Mbps100, RateOutcome.Ok, (967_296 + 745_000_000) * 8.0 / 60 },
        { "32-bit decrease too big to be a wrap is a reset", 3_000_000_000, 1_000, 32, 60, Mbps100, RateOutcome.CounterReset, null },
        { "64-bit near max to small is a reset, never a wrap", ulong.MaxValue, 100, 64, 60, 1e9, RateOutcome.CounterReset, null },
        { "64-bit decrease is a reset", 5_000_000, 4_000_000, 64, 60, 1e9, RateOutcome.CounterReset, null },
        { "missing polls average over the gap (32-bit, 5 intervals)", 0, 375_000_000, 32, 300, Mbps100, RateOutcome.Ok, 10_000_000 },
        { "missing polls average over the gap (64-bit, 10 intervals)", 0, 750_000_000, 64, 600, Mbps100, RateOutcome.Ok, 10_000_000 },
        { "gap long enough for a second 32-bit wrap", 0, 100, 32, 3600, 10_000_000, RateOutcome.AmbiguousWrap, null },
        { "gigabit 32-bit at 60 s is ambiguous", 0, 1_000, 32, 60, 1e9, RateOutcome.AmbiguousWrap, null },
        { "gigabit 64-bit at 60 s is fine", 0, 1_000, 64, 60, 1e9, RateOutcome.Ok, 1_000 * 8 / 60.0 },
        { "rate above speed is dropped", 0, 1_000_000_000, 64, 60, Mbps100, RateOutcome.AboveSpeed, null },
        { "rate within the 10 % margin is kept", 0, 800_000_000, 64, 60, Mbps100, RateOutcome.Ok, 800_000_000 * 8.0 / 60 },
        { "no elapsed time", 0, 100, 32, 0, Mbps100, RateOutcome.NoElapsedTime, null },
        { "negative elapsed time", 0, 100, 32, -5, Mbps100, RateOutcome.NoElapsedTime, null },
        { "unknown speed: wrap from the upper half", 4_294_967_000, 500, 32, 60, 0, RateOutcome.Ok, 796 * 8 / 60.0 },
        { "unknown speed: decrease from mid-range is a reset", 1_000_000_000, 500, 32, 60, 0, RateOutcome.CounterReset, null },
        { "unknown speed: increase is believed", 0, 6_000, 64, 60, 0, RateOutcome.Ok, 800 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Table(string description, ulong previous, ulong current, int width, double elapsed, double speed, RateOutcome outcome, double? expected)
    {
        var w = width == 64 ? CounterWidth.Bits64 : CounterWidth.Bits32;
        var result = CounterRateCalculator.Compute(new CounterReading(previous, w), new CounterReading(current, w), elapsed, speed);
        Assert.True(outcome == result.Outcome, $"{description}: expected {outcome}, got {result.Outcome}");
        if (expected is null)
        {
            Assert.Null(result.BitsPerSecond);
        }
        else
        {
            Assert.NotNull(result.BitsPerSecond);
            Assert.Equal(expected.Value, result.BitsPerSecond!.Value, 6);
        }
    }

    [Fact]
    public void Compute_WidthChanged_NewSeries()
    {
        var result = CounterRateCalculator.Compute(CounterReading.Counter32(5), CounterReading.Counter64(10), 60, Mbps100);
        Assert.Equal(RateOutcome.NewSeries, result.Outcome);
        Assert.Null(result.BitsPerSecond);
    }
}

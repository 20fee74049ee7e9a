using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class InterfaceRateTrackerTests
{
    private const ulong Speed = 100_000_000;

    private readonly InterfaceRateTracker _tracker = new();
    private readonly DeviceClock _clock = new();

    private static InterfaceReading Row(ulong inOctets, ulong outOctets, string name = "ge-0/0/0", bool hc = true, uint? discontinuity = 0) =>
        new(1)
        {
            Name = name,
            InOctets = hc ? CounterReading.Counter64(inOctets) : CounterReading.Counter32((uint)inOctets),
            OutOctets = hc ? CounterReading.Counter64(outOctets) : CounterReading.Counter32((uint)outOctets),
            SpeedBitsPerSecond = Speed,
            CounterDiscontinuityTime = discontinuity,
        };

    private InterfaceRates Poll(InterfaceReading row, uint? uptime, double seconds)
    {
        var clock = _clock.Observe(uptime, TimeSpan.FromSeconds(seconds));
        _tracker.BeginPoll();
        var rates = _tracker.Update(row, clock);
        _tracker.EndPoll();
        return rates;
    }

    [Fact]
    public void FirstSample_NoRateNeverZero()
    {
        var rates = Poll(Row(1000, 2000), 100_000, 0);
        Assert.Equal(RateOutcome.FirstSample, rates.In.Outcome);
        Assert.Null(rates.In.BitsPerSecond);
        Assert.Null(rates.Out.BitsPerSecond);
        Assert.False(rates.CounterReset);
    }

    [Fact]
    public void TwoPolls_RateFromDeviceUptimeDelta()
    {
        Poll(Row(0, 0), 100_000, 0);
        // Poller saw 62 s (a slow answer), the device 60 s: the device's clock is the one counters follow.
        var rates = Poll(Row(7_500_000, 750_000), 106_000, 62);
        Assert.Equal(1_000_000, rates.In.BitsPerSecond!.Value, 6);
        Assert.Equal(100_000, rates.Out.BitsPerSecond!.Value, 6);
    }

    [Fact]
    public void Reboot_NoRateAndCounterResetMarker_ThenRatesResume()
    {
        Poll(Row(5_000_000_000, 5_000_000_000), 10_000_000, 0);
        var afterReboot = Poll(Row(1_000, 2_000), 3_000, 60);
        Assert.Equal(RateOutcome.Reboot, afterReboot.In.Outcome);
        Assert.Null(afterReboot.In.BitsPerSecond);
        Assert.True(afterReboot.CounterReset);

        var next = Poll(Row(751_000, 2_000), 9_000, 120);
        Assert.Equal(100_000, next.In.BitsPerSecond!.Value, 6);
        Assert.Equal(0, next.Out.BitsPerSecond!.Value, 6);
        Assert.False(next.CounterReset);
    }

    [Fact]
    public void UptimeRollover_RateContinuesAcrossIt()
    {
        Poll(Row(4_294_967_000, 0, hc: false), uint.MaxValue - 2_999, 0);
        var rates = Poll(Row(500, 75_000, hc: false), 3_000, 60);
        Assert.Equal(RateOutcome.Ok, rates.In.Outcome);
        Assert.Equal(796 * 8 / 60.0, rates.In.BitsPerSecond!.Value, 6);
        Assert.Equal(10_000, rates.Out.BitsPerSecond!.Value, 6);
        Assert.False(rates.CounterReset);
    }

    [Fact]
    public void DiscontinuityTimeChanged_NoRateAndMarker()
    {
        Poll(Row(1_000_000, 1_000_000, discontinuity: 0), 100_000, 0);
        var rates = Poll(Row(2_000_000, 2_000_000, discontinuity: 104_000), 106_000, 60);
        Assert.Equal(RateOutcome.Discontinuity, rates.In.Outcome);
        Assert.Null(rates.In.BitsPerSecond);
        Assert.True(rates.CounterReset);
        var next = Poll(Row(2_750_000, 2_000_000, discontinuity: 104_000), 112_000, 120);
        Assert.Equal(100_000, next.In.BitsPerSecond!.Value, 6);
    }

    [Fact]
    public void IfIndexReusedByAnotherInterface_NewSeriesNoRate()
    {
        Poll(Row(1_000_000, 1_000_000, name: "eth0"), 100_000, 0);
        var rates = Poll(Row(9_000_000, 9_000_000, name: "ppp0"), 106_000, 60);
        Assert.Equal(RateOutcome.FirstSample, rates.In.Outcome);
        Assert.Null(rates.In.BitsPerSecond);
        Assert.False(rates.CounterReset);
    }

    [Fact]
    public void CounterWidthChanged_NewSeriesNoRate()
    {
        Poll(Row(1_000_000, 1_000_000, hc: true), 100_000, 0);
        var rates = Poll(Row(2_000_000, 2_000_000, hc: false), 106_000, 60);
        Assert.Equal(RateOutcome.NewSeries, rates.In.Outcome);
        Assert.Null(rates.In.BitsPerSecond);
    }

    [Fact]
    public void MissingPolls_RateAveragedOverTheTrueGap()
    {
        Poll(Row(0, 0), 100_000, 0);
        // Device unreachable for four intervals; answers at 300 s.
        var rates = Poll(Row(37_500_000, 0), 130_000, 300);
        Assert.Equal(1_000_000, rates.In.BitsPerSecond!.Value, 6);
    }

    [Fact]
    public void CounterMissingInOnePoll_NextRateSpansBothIntervals()
    {
        Poll(Row(0, 0), 100_000, 0);
        var partial = Poll(Row(0, 0) with { InOctets = null }, 106_000, 60);
        Assert.Equal(RateOutcome.Missing, partial.In.Outcome);
        var rates = Poll(Row(15_000_000, 0), 112_000, 120);
        Assert.Equal(1_000_000, rates.In.BitsPerSecond!.Value, 6);
    }

    [Fact]
    public void RateAboveSpeed_Dropped()
    {
        Poll(Row(0, 0), 100_000, 0);
        var rates = Poll(Row(10_000_000_000, 0), 106_000, 60);
        Assert.Equal(RateOutcome.AboveSpeed, rates.In.Outcome);
        Assert.Null(rates.In.BitsPerSecond);
    }

    [Fact]
    public void InterfacesGoneForTenPolls_Forgotten()
    {
        Poll(Row(0, 0), 100_000, 0);
        for (var i = 1; i <= InterfaceRateTracker.ForgetAfterPolls; i++)
        {
            _clock.Observe(100_000 + ((uint)i * 6_000), TimeSpan.FromSeconds(i * 60));
            _tracker.BeginPoll();
            _tracker.EndPoll();
        }

        Assert.Equal(0, _tracker.Count);
    }
}

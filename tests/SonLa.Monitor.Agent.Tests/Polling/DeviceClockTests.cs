using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.Tests.Polling;

public class DeviceClockTests
{
    private const uint Day = 8_640_000; // TimeTicks

    [Fact]
    public void FirstObservation_NoRebootEpochZero()
    {
        var reading = new DeviceClock().Observe(1000, TimeSpan.FromSeconds(10));
        Assert.False(reading.Rebooted);
        Assert.Equal(0, reading.Epoch);
        Assert.Equal(10.0, reading.UptimeSeconds);
    }

    [Fact]
    public void UptimeAdvancing_UsesDeviceElapsed()
    {
        var clock = new DeviceClock();
        var first = clock.Observe(100_000, TimeSpan.FromSeconds(0));
        // Network latency made the poller's clock see 61.5 s; the device counted 60.00 s.
        var second = clock.Observe(106_000, TimeSpan.FromSeconds(61.5));
        Assert.False(second.Rebooted);
        Assert.Equal(60.0, second.Seconds - first.Seconds, 6);
    }

    [Fact]
    public void UptimeWentBack_Reboot()
    {
        var clock = new DeviceClock();
        clock.Observe(10 * Day, TimeSpan.Zero);
        var reading = clock.Observe(3_000, TimeSpan.FromSeconds(60));
        Assert.True(reading.Rebooted);
        Assert.False(reading.RolledOver);
        Assert.Equal(1, reading.Epoch);
    }

    [Fact]
    public void RebootDuringLongGapWithUptimeStillHigherThanBefore_Reboot()
    {
        var clock = new DeviceClock();
        clock.Observe(12_000, TimeSpan.Zero); // up 2 min
        // Unreachable for an hour; it restarted 10 min before the next answer.
        var reading = clock.Observe(60_000, TimeSpan.FromSeconds(3600));
        Assert.True(reading.Rebooted);
    }

    [Fact]
    public void Rollover497Days_NotAReboot()
    {
        var clock = new DeviceClock();
        var first = clock.Observe(uint.MaxValue - 2_999, TimeSpan.Zero); // 30 s before the wrap
        var second = clock.Observe(3_000, TimeSpan.FromSeconds(60));
        Assert.False(second.Rebooted);
        Assert.True(second.RolledOver);
        Assert.Equal(first.Epoch, second.Epoch);
        Assert.Equal(60.0, second.Seconds - first.Seconds, 6);
        Assert.Equal((3_000 + 4294967296.0) / 100, second.UptimeSeconds);
    }

    [Fact]
    public void UptimeFarFromWrapDecreasing_IsRebootNotRollover()
    {
        var clock = new DeviceClock();
        clock.Observe(uint.MaxValue - 2_999, TimeSpan.Zero);
        // Wrapped value would mean 30 s + 100 days passed; only 60 s did.
        var reading = clock.Observe(100 * Day, TimeSpan.FromSeconds(60));
        Assert.True(reading.Rebooted);
    }

    [Fact]
    public void UptimeMissing_WallClockAndNoReboot()
    {
        var clock = new DeviceClock();
        var first = clock.Observe(null, TimeSpan.Zero);
        var second = clock.Observe(null, TimeSpan.FromSeconds(60));
        Assert.False(second.Rebooted);
        Assert.Null(second.UptimeSeconds);
        Assert.Equal(60.0, second.Seconds - first.Seconds, 6);
    }

    [Fact]
    public void UptimeMissingOnce_RebootStillSeenAcrossTheGap()
    {
        var clock = new DeviceClock();
        clock.Observe(10 * Day, TimeSpan.Zero);
        clock.Observe(null, TimeSpan.FromSeconds(60));
        var reading = clock.Observe(500, TimeSpan.FromSeconds(120));
        Assert.True(reading.Rebooted);
    }

    [Theory]
    [InlineData(100_000u, 106_000u, 60.0, false, false)]
    [InlineData(100_000u, 106_300u, 60.0, false, false)] // 3 s latency skew: within tolerance
    [InlineData(100_000u, 100_100u, 60.0, true, false)] // 1 s gained in 60 s: restarted
    [InlineData(4_294_960_000u, 2_704u, 100.0, false, true)]
    [InlineData(4_294_960_000u, 900_000u, 100.0, true, false)]
    public void Classify_Table(uint before, uint now, double wall, bool rebooted, bool rolledOver)
    {
        var verdict = DeviceClock.Classify(before, now, wall);
        Assert.Equal(rebooted, verdict.Rebooted);
        Assert.Equal(rolledOver, verdict.RolledOver);
    }
}

using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Diagnostics;

namespace SonLa.Monitor.Collector.Tests.Diagnostics;

public class LogThrottleTests
{
    [Fact]
    public void OneLinePerKeyPerWindow_ThenTheHeldBackCount()
    {
        var time = new FakeTimeProvider();
        var throttle = new LogThrottle(time, TimeSpan.FromMinutes(1));

        Assert.True(throttle.ShouldLog("a", out var first));
        Assert.Equal(0, first);
        Assert.False(throttle.ShouldLog("a", out _));
        Assert.False(throttle.ShouldLog("a", out _));
        Assert.True(throttle.ShouldLog("b", out _));

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(throttle.ShouldLog("a", out var held));
        Assert.Equal(2, held);
    }

    [Fact]
    public void ManyKeys_StayBounded()
    {
        var throttle = new LogThrottle(new FakeTimeProvider(), TimeSpan.FromMinutes(1));

        for (var i = 0; i < LogThrottle.MaxKeys * 3; i++)
        {
            Assert.True(throttle.ShouldLog("peer-" + i, out _));
        }

        Assert.False(throttle.ShouldLog("peer-" + (LogThrottle.MaxKeys * 3 - 1), out _));
    }
}

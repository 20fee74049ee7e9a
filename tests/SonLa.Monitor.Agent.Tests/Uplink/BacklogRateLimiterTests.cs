using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Uplink;

namespace SonLa.Monitor.Agent.Tests.Uplink;

public sealed class BacklogRateLimiterTests
{
    [Fact]
    public void Unlimited_AlwaysTakes()
    {
        var limiter = new BacklogRateLimiter(0, new FakeTimeProvider());
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.TryTake(1_000_000)));
        Assert.Equal(TimeSpan.Zero, limiter.Wait);
    }

    [Fact]
    public void OneSecondOfBurst_ThenTheRate_BigBatchPaidForAfterwards()
    {
        var time = new FakeTimeProvider();
        var limiter = new BacklogRateLimiter(1000, time);
        Assert.True(limiter.TryTake(600));
        Assert.True(limiter.TryTake(600));
        // 200 bytes of debt: nothing until it is paid back.
        Assert.False(limiter.TryTake(1));
        Assert.Equal(TimeSpan.FromSeconds(0.201), limiter.Wait);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(limiter.TryTake(1));
        time.Advance(TimeSpan.FromMilliseconds(101));
        Assert.True(limiter.TryTake(5000));
        Assert.Equal(TimeSpan.FromSeconds(5), limiter.Wait);

        // Idle time refills only up to one second's worth.
        time.Advance(TimeSpan.FromHours(1));
        Assert.True(limiter.TryTake(1000));
        Assert.False(limiter.TryTake(1));
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Snmp.Traps;

namespace SonLa.Monitor.Snmp.Tests.Traps;

public sealed class SourceRateLimiterTests
{
    [Fact]
    public void Burst_ThenRefillAtTheRate_PerSourceIndependently()
    {
        var time = new FakeTimeProvider();
        var limiter = new SourceRateLimiter(perSecond: 10, burst: 20, time);
        var flood = IPAddress.Parse("192.0.2.1");
        var quiet = IPAddress.Parse("192.0.2.2");

        Assert.Equal(20, Enumerable.Range(0, 100).Count(_ => limiter.TryAcquire(flood)));
        Assert.True(limiter.TryAcquire(quiet));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, Enumerable.Range(0, 100).Count(_ => limiter.TryAcquire(flood)));

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(20, Enumerable.Range(0, 100).Count(_ => limiter.TryAcquire(flood)));
    }

    [Fact]
    public void ManySources_StayBounded()
    {
        var time = new FakeTimeProvider();
        var limiter = new SourceRateLimiter(1, 1, time);
        for (var i = 0; i < SourceRateLimiter.MaxSources * 3; i++)
        {
            Assert.True(limiter.TryAcquire(new IPAddress(i + 1)));
            Assert.True(limiter.SourceCount <= SourceRateLimiter.MaxSources);
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Storage;

public class StorageHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<StorageHealth> _log = new();

    [Fact]
    public void ManyFailures_LogOnce_ThenReachableAgainOnce()
    {
        var health = new StorageHealth(_log, _time);

        for (var i = 0; i < 5; i++)
        {
            health.ReportFailure("http://127.0.0.1:8086/write", $"connection refused #{i}", null);
        }

        for (var i = 0; i < 3; i++)
        {
            health.ReportSuccess("http://127.0.0.1:8086/write");
        }

        Assert.Equal(
        [
            "InfluxDB at http://127.0.0.1:8086/write unreachable: connection refused #0",
            "InfluxDB at http://127.0.0.1:8086/write reachable again",
        ], _log.Entries.Select(e => e.Message));
        Assert.True(health.IsReachable);
    }

    [Fact]
    public void Failure_KeepsTheLatestReasonAndWhenItStarted()
    {
        var health = new StorageHealth(_log, _time);
        health.ReportFailure("t", "first", null);
        _time.Advance(TimeSpan.FromMinutes(1));
        health.ReportFailure("t", "second", null);

        Assert.False(health.IsReachable);
        Assert.Equal("second", health.LastError);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero), health.Since);
    }

    [Fact]
    public void RetryAfter_IsHonouredUntilItPasses()
    {
        var health = new StorageHealth(_log, _time);
        health.ReportFailure("t", "HTTP 503", TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), health.RetryAfterRemaining);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(10), health.RetryAfterRemaining);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, health.RetryAfterRemaining);
    }
}

using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(7, 320)]
    [InlineData(8, 600)]
    [InlineData(50, 600)]
    public void WithoutJitter_DoublesUpToTheCap(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryBackoff(Initial, Max, () => 0.5).Delay(failedAttempts));

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(0.999999, 6.0)]
    public void Jitter_StaysWithin20Percent(double random, double seconds) =>
        Assert.Equal(seconds, new RetryBackoff(Initial, Max, () => random).Delay(1).TotalSeconds, 3);

    [Fact]
    public void Jitter_NeverPassesTheCap() =>
        Assert.Equal(Max, new RetryBackoff(Initial, Max, () => 0.999999).Delay(20));

    [Fact]
    public void RetryAfter_LongerThanTheBackoff_IsWaitedOut() =>
        Assert.Equal(TimeSpan.FromSeconds(120), new RetryBackoff(Initial, Max, () => 0.5).Delay(1, TimeSpan.FromSeconds(120)));

    [Fact]
    public void RetryAfter_ShorterThanTheBackoff_TheBackoffWins() =>
        Assert.Equal(TimeSpan.FromSeconds(40), new RetryBackoff(Initial, Max, () => 0.5).Delay(4, TimeSpan.FromSeconds(1)));

    [Fact]
    public void RetryAfter_Absurd_CappedAtAnHour() =>
        Assert.Equal(RetryBackoff.MaxRetryAfter, new RetryBackoff(Initial, Max, () => 0.5).Delay(1, TimeSpan.FromDays(3)));
}

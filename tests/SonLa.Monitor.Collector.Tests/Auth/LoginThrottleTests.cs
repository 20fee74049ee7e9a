using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Auth;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>The failed-login throttle with a FakeTimeProvider: limits, doubling lockouts, the window, the memory bound.</summary>
public class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    private LoginThrottle Throttle(int perUser = 5, int perAddress = 20) => new(
        Options.Create(new AuthOptions
        {
            Login = new LoginThrottleOptions
            {
                MaxFailuresPerUser = perUser,
                MaxFailuresPerAddress = perAddress,
                LockoutSeconds = 60,
                MaxLockoutSeconds = 300,
                FailureWindowSeconds = 900,
            },
        }),
        _time);

    [Fact]
    public void FifthFailure_LocksTheNameOutForAMinute_ThenItMayTryAgain()
    {
        var throttle = Throttle();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Null(throttle.RecordFailure("admin", "10.0.0.1").Lockout);
            Assert.Null(throttle.LockedFor("admin", "10.0.0.1"));
        }

        var fifth = throttle.RecordFailure("admin", "10.0.0.1");
        Assert.Equal(5, fifth.UserFailures);
        Assert.Equal(TimeSpan.FromSeconds(60), fifth.Lockout);
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.LockedFor("admin", "10.0.0.2"));
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.LockedFor("ADMIN ", "10.0.0.3"));
        Assert.Null(throttle.LockedFor("noc", "10.0.0.1"));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.FromSeconds(1), throttle.LockedFor("admin", "10.0.0.1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(throttle.LockedFor("admin", "10.0.0.1"));
    }

    [Fact]
    public void FailuresAfterALockout_DoubleIt_UpToTheMaximum()
    {
        var throttle = Throttle();
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("admin", "10.0.0." + i);
        }

        var lockouts = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var failure = throttle.RecordFailure("admin", "10.0.1." + i);
            lockouts.Add(failure.Lockout!.Value.TotalSeconds);
            _time.Advance(failure.Lockout.Value);
        }

        Assert.Equal([60, 120, 240, 300, 300], lockouts);
    }

    [Fact]
    public void FailuresOlderThanTheWindow_AreForgotten_AndSuccessForgetsTheName()
    {
        var throttle = Throttle();
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("admin", "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromSeconds(901));
        Assert.Equal(1, throttle.RecordFailure("admin", "10.0.0.1").UserFailures);

        for (var i = 0; i < 3; i++)
        {
            throttle.RecordFailure("admin", "10.0.0.1");
        }

        throttle.RecordSuccess("admin");
        var after = throttle.RecordFailure("admin", "10.0.0.1");
        Assert.Equal(1, after.UserFailures);
        Assert.Equal(5, after.AddressFailures);
    }

    [Fact]
    public void ManyNamesFromOneAddress_LockTheAddressOut()
    {
        var throttle = Throttle(perUser: 5, perAddress: 3);
        Assert.Null(throttle.RecordFailure("a", "10.0.0.9").Lockout);
        Assert.Null(throttle.RecordFailure("b", "10.0.0.9").Lockout);
        Assert.Equal(TimeSpan.FromSeconds(60), throttle.RecordFailure("c", "10.0.0.9").Lockout);
        Assert.NotNull(throttle.LockedFor("d", "10.0.0.9"));
        Assert.Null(throttle.LockedFor("d", "10.0.0.10"));
    }

    [Fact]
    public void ASprayOfNames_IsBoundedInMemory()
    {
        var throttle = Throttle(perUser: 5, perAddress: int.MaxValue);
        for (var i = 0; i < LoginThrottle.MaxTrackedKeys + 500; i++)
        {
            throttle.RecordFailure("user" + i, "10.0.0.1");
        }

        Assert.True(throttle.TrackedKeys <= LoginThrottle.MaxTrackedKeys, throttle.TrackedKeys.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

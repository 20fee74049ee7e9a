using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Auth;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>Failed logins through the real app, its time driven by a FakeTimeProvider: no sleeping.</summary>
public class LoginThrottlingApiTests
{
    private const string WrongPassword = "guess-number-";

    [Fact]
    public async Task RepeatedFailures_LockTheNameOut_EvenForTheRightPassword_UntilTheLockoutEnds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(
            s => s.AddSingleton<TimeProvider>(time),
            "--Auth:Login:MaxFailuresPerUser=3", "--Auth:Login:LockoutSeconds=60");
        using var attacker = host.NewSession();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.LoginAsync("admin", WrongPassword + i)).Status);
        }

        var locked = await attacker.LoginAsync("admin", ApiHost.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.Equal("too_many_attempts", locked.Error);
        Assert.Equal(TimeSpan.FromSeconds(60), locked.Headers.RetryAfter!.Delta);

        var metrics = host.Services.GetRequiredService<AuthMetrics>();
        Assert.Equal(3, metrics.Failures);
        Assert.Equal(1, metrics.Lockouts);
        Assert.Equal(1, metrics.Throttled);
        Assert.Contains("sonla_collector_login_failures_total 3\n", metrics.Render(), StringComparison.Ordinal);
        // And on /metrics, which needs no login (Prometheus scrapes it).
        var scraped = await host.NewSession().GetAsync("/metrics");
        Assert.Contains("sonla_collector_login_failures_total 3\n", scraped.Body, StringComparison.Ordinal);
        Assert.Contains("sonla_collector_login_lockouts_total 1\n", scraped.Body, StringComparison.Ordinal);

        // Each failure logged once, the lockout once; never a password.
        Assert.Equal(3, host.Logs.Entries.Count(e => e.EventId == 1703));
        Assert.Single(host.Logs.Entries, e => e.EventId == 1704);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(WrongPassword, StringComparison.Ordinal)
            || e.Message.Contains(ApiHost.AdminPassword, StringComparison.Ordinal));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.LoginAsync("admin", ApiHost.AdminPassword)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await attacker.LoginAsync("admin", ApiHost.AdminPassword)).Status);
    }

    [Fact]
    public async Task ManyNamesFromOneAddress_LockTheAddressOut()
    {
        await using var host = await ApiHost.StartAsync(null, "--Auth:Login:MaxFailuresPerAddress=4");
        using var sprayer = host.NewSession();
        foreach (var name in new[] { "root", "administrator", "test", "guest" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await sprayer.LoginAsync(name, WrongPassword)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await sprayer.LoginAsync("admin", ApiHost.AdminPassword)).Status);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>Auth:SessionHours with the app's time on a FakeTimeProvider: a session idle that long ends.</summary>
public class SessionExpiryTests
{
    [Fact]
    public async Task IdleSession_EndsAfterSessionHours_AnActiveOneSlides()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<TimeProvider>(time), "--Auth:SessionHours=2");
        using var active = await host.AdminAsync();
        using var idle = await host.AdminAsync();

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await active.GetAsync("/api/me")).Status);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me")).Status);
    }
}

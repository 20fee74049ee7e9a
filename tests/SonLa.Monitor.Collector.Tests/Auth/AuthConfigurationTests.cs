namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>The Auth section's validation through the real app's DI, no start.</summary>
public class AuthConfigurationTests
{
    [Fact]
    public void BadAuthKeys_AreReportedWithTheirPaths_WithoutThePassword()
    {
        var app = CollectorApp.Build(
        [
            "--Influx:Url=http://127.0.0.1:8086",
            "--Agents:0:SiteId=chieng-coi",
            "--Agents:0:Token=0123456789abcdef-1",
            "--Auth:InitialAdminPassword=tiny-pw",
            "--Auth:SessionHours=0",
            "--Auth:Login:MaxFailuresPerUser=0",
            "--Auth:Login:MaxLockoutSeconds=10",
        ]);
        try
        {
            var problems = CollectorApp.ConfigurationProblems(app.Services);
            Assert.Equal(
            [
                "Auth:SessionHours: must be between 1 and 720",
                "Auth:InitialAdminPassword: must be at least 10 characters (Auth:MinPasswordLength)",
                "Auth:Login:MaxFailuresPerUser: must be at least 1",
                "Auth:Login:MaxLockoutSeconds: must be at least Auth:Login:LockoutSeconds",
            ], problems);
            Assert.DoesNotContain(problems, p => p.Contains("tiny-pw", StringComparison.Ordinal));
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>
/// The real collector (CollectorApp.Build) with one plain HTTP/1.1 endpoint on 127.0.0.1 port 0 for the web API, its
/// own state file, and <see cref="AdminPassword"/> as Auth:InitialAdminPassword unless told otherwise. InfluxDB is
/// a free port where nothing listens: the API does not need it.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-0123";
    public const string SiteId = CollectorHost.SiteId;
    public const string OtherSiteId = CollectorHost.OtherSiteId;
    public const string UserPassword = "user-password-0123";

    private readonly WebApplication _app;
    private readonly TempDirectory? _state;

    private ApiHost(WebApplication app, TempDirectory? state, CapturingLoggerProvider logs)
    {
        _app = app;
        _state = state;
        Logs = logs;
        Address = new Uri(app.Urls.Single());
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public CapturingLoggerProvider Logs { get; }

    public static async Task<ApiHost> StartAsync(Action<IServiceCollection>? services = null, params string[] extraArgs)
    {
        TempDirectory? state = null;
        string[] args =
        [
            .. CollectorHost.BaseArgs("http://127.0.0.1:" + FreePort.Tcp()),
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Http:Protocols=Http1",
        ];
        if (!extraArgs.Any(a => a.StartsWith("--State:Path=", StringComparison.Ordinal)))
        {
            state = new TempDirectory();
            args = [.. args, "--State:Path=" + state.File("collector-state.db")];
        }

        if (!extraArgs.Any(a => a.StartsWith("--Auth:InitialAdminPassword", StringComparison.Ordinal)))
        {
            args = [.. args, "--Auth:InitialAdminPassword=" + AdminPassword];
        }

        var logs = new CapturingLoggerProvider();
        var app = CollectorApp.Build([.. args, .. extraArgs], s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            services?.Invoke(s);
        });
        await app.StartAsync();
        return new ApiHost(app, state, logs);
    }

    public ApiSession NewSession() => new(Address);

    public async Task<ApiSession> AdminAsync()
    {
        var session = NewSession();
        var answer = await session.LoginAsync("admin", AdminPassword);
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, answer.ToString());
        return session;
    }

    /// <summary>Creates a user through the API (as admin, must-change off) and returns a session signed in as it.</summary>
    public async Task<ApiSession> UserAsync(string name, string role, string? site = null)
    {
        using (var admin = await AdminAsync())
        {
            var created = await admin.PostAsync("/api/users", JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["name"] = name, ["role"] = role, ["site"] = site, ["password"] = UserPassword, ["must_change_password"] = false,
            }));
            Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.ToString());
        }

        var session = NewSession();
        var login = await session.LoginAsync(name, UserPassword);
        Assert.True(login.Status == System.Net.HttpStatusCode.OK, login.ToString());
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state?.Dispose();
    }
}

using System.Net;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>
/// The real collector with both its endpoints, as shipped: gRPC (h2c) for test agents and HTTP/1.1 for the web API,
/// the two agents and sites of <see cref="CollectorHost"/> plus a third inventory site in another district, an admin
/// with a known password, and optionally a <see cref="FakeTimeProvider"/> as the whole collector's clock.
/// </summary>
internal sealed class SitesHost : IAsyncDisposable
{
    public const string SiteId = CollectorHost.SiteId;
    public const string OtherSiteId = CollectorHost.OtherSiteId;
    public const string IdleSiteId = "chieng-an";
    public const string AdminPassword = "admin-password-0123";
    public const string UserPassword = "user-password-0123";

    private readonly WebApplication _app;
    private readonly TempDirectory? _state;
    private int _disposed;

    private SitesHost(WebApplication app, Uri api, Uri grpc, TempDirectory? state)
    {
        _app = app;
        _state = state;
        Address = api;
        Channel = GrpcChannel.ForAddress(grpc);
        Client = new AgentGateway.AgentGatewayClient(Channel);
    }

    /// <summary>The HTTP (web API) endpoint.</summary>
    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public AgentGateway.AgentGatewayClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="influxUrl">Null: a port where nothing listens (presence only; batches are not stored).</param>
    /// <param name="statePath">Null: a state file of its own.</param>
    public static async Task<SitesHost> StartAsync(string? influxUrl = null, FakeTimeProvider? time = null, string? statePath = null,
        params string[] extraArgs)
    {
        var grpcPort = FreePort.Tcp();
        TempDirectory? state = null;
        if (statePath is null)
        {
            state = new TempDirectory();
            statePath = state.File("collector-state.db");
        }

        string[] args =
        [
            .. CollectorHost.BaseArgs(influxUrl ?? "http://127.0.0.1:" + FreePort.Tcp()),
            "--Sites:0:District=Thành phố Sơn La",
            "--Sites:1:District=Huyện Mai Sơn",
            "--Sites:2:Id=" + IdleSiteId,
            "--Sites:2:Name=Phường Chiềng An",
            "--Sites:2:District=Thành phố Sơn La",
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:" + grpcPort,
            "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Http:Protocols=Http1",
            "--Auth:InitialAdminPassword=" + AdminPassword,
            "--State:Path=" + statePath,
            .. extraArgs,
        ];
        var app = CollectorApp.Build(args, services =>
        {
            if (time is not null)
            {
                services.AddSingleton<TimeProvider>(time);
            }
        });
        await app.StartAsync();
        var grpc = new Uri("http://127.0.0.1:" + grpcPort);
        var api = new Uri(app.Urls.Single(u => new Uri(u).Port != grpcPort));
        return new SitesHost(app, api, grpc, state);
    }

    /// <summary>A test agent of a site: its stream, after a Hello naming its devices (router as uplink, switch, ups).</summary>
    public async Task<AgentStream> ConnectAsync(string siteId, string token, params DeviceInfo[] devices)
    {
        var agent = new AgentStream(Client.Connect(new Metadata { { "authorization", "Bearer " + token } },
            cancellationToken: new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token));
        var hello = new Hello
        {
            SiteId = siteId,
            SiteName = "Hello name of " + siteId,
            AgentVersion = "0.4.0-test",
            BootId = agent.BootId,
            AgentTimeUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        hello.Devices.AddRange(devices.Length > 0 ? devices : DefaultDevices());
        await agent.SendAsync(new AgentMessage { Hello = hello });
        var welcome = await agent.ReadAsync();
        Assert.Equal(CollectorMessage.KindOneofCase.Welcome, welcome.KindCase);
        return agent;
    }

    public static DeviceInfo[] DefaultDevices() =>
    [
        new() { Name = "router", Role = "uplink", Host = "192.0.2.1" },
        new() { Name = "switch", Role = "switch", Host = "192.0.2.2" },
        new() { Name = "ups", Role = "ups", Host = "192.0.2.3" },
    ];

    public ApiSession NewSession() => new(Address);

    public async Task<ApiSession> AdminAsync()
    {
        var session = NewSession();
        var answer = await session.LoginAsync("admin", AdminPassword);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return session;
    }

    /// <summary>Creates a user through the API (as admin) and returns a session signed in as it.</summary>
    public async Task<ApiSession> UserAsync(string name, string role, string? site = null)
    {
        using (var admin = await AdminAsync())
        {
            var created = await admin.PostAsync("/api/users", JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["name"] = name, ["role"] = role, ["site"] = site, ["password"] = UserPassword, ["must_change_password"] = false,
            }));
            Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        }

        var session = NewSession();
        var login = await session.LoginAsync(name, UserPassword);
        Assert.True(login.Status == HttpStatusCode.OK, login.ToString());
        return session;
    }

    /// <summary>Stops the collector; again is a no-op (a test may stop it early).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state?.Dispose();
    }
}

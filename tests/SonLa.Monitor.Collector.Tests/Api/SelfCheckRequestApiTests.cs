using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using SonLa.Monitor.Collector.Tests.Auth;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Api;

/// <summary>
/// <c>POST /api/sites/{id}/selfcheck</c> against the real collector with an emulated agent on a real stream: the request
/// reaches the agent as RunSelfCheck with the id the caller got back; 409 without a connected agent, 404 for an unknown
/// site, 401/403 by role.
/// </summary>
public sealed class SelfCheckRequestApiTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Admin_AgentConnected_202_AgentReceivesRunSelfCheckWithThatId()
    {
        await using var host = await Host.StartAsync();
        using var admin = await host.AdminAsync();
        using var agent = new AgentStream(host.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);

        var answer = await admin.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(["request_id"], answer.Json.EnumerateObject().Select(p => p.Name));
        var requestId = answer.Json.GetProperty("request_id").GetString();
        Assert.False(string.IsNullOrEmpty(requestId));
        var received = await agent.ReadAsync();
        Assert.Equal(CollectorMessage.KindOneofCase.RunSelfCheck, received.KindCase);
        Assert.Equal(requestId, received.RunSelfCheck.RequestId);

        // Each request has its own id.
        var again = await admin.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck");
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.NotEqual(requestId, again.Json.GetProperty("request_id").GetString());
        Assert.Equal(again.Json.GetProperty("request_id").GetString(), (await agent.ReadAsync()).RunSelfCheck.RequestId);
    }

    [Fact]
    public async Task TwoStreamsOfOneSite_TheNewestGetsTheRequest()
    {
        await using var host = await Host.StartAsync();
        using var admin = await host.AdminAsync();
        using var older = new AgentStream(host.Connect(CollectorHost.Token));
        await older.HelloAsync(CollectorHost.SiteId);
        using var newer = new AgentStream(host.Connect(CollectorHost.Token));
        await newer.HelloAsync(CollectorHost.SiteId);

        var answer = await admin.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(answer.Json.GetProperty("request_id").GetString(), (await newer.ReadAsync()).RunSelfCheck.RequestId);
    }

    [Fact]
    public async Task AgentNotConnected_409_AlsoAfterItsStreamEnded()
    {
        await using var host = await Host.StartAsync();
        using var admin = await host.AdminAsync();

        var never = await admin.PostAsync($"/api/sites/{CollectorHost.OtherSiteId}/selfcheck");
        Assert.Equal(HttpStatusCode.Conflict, never.Status);
        Assert.Equal("conflict", never.Error);
        Assert.Contains("not connected", never.Json.GetProperty("message").GetString(), StringComparison.Ordinal);

        using (var agent = new AgentStream(host.Connect(CollectorHost.OtherToken)))
        {
            await agent.HelloAsync(CollectorHost.OtherSiteId);
            Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/sites/{CollectorHost.OtherSiteId}/selfcheck")).Status);
            await agent.CompleteAsync();
        }

        // The stream's end reaches the collector on its own time.
        ApiSession.Answer? last = null;
        await Poll.UntilAsync(async () =>
        {
            last = await admin.PostAsync($"/api/sites/{CollectorHost.OtherSiteId}/selfcheck");
            return last.Status == HttpStatusCode.Conflict;
        }, Deadline, "409 after the agent's stream ended");
        Assert.Equal("conflict", last!.Error);
    }

    [Fact]
    public async Task UnknownSite_404()
    {
        await using var host = await Host.StartAsync();
        using var admin = await host.AdminAsync();

        var answer = await admin.PostAsync("/api/sites/nowhere/selfcheck");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("not_found", answer.Error);
    }

    [Fact]
    public async Task Viewer_403_SiteUser_403_NoLogin_401_AndTheAgentGetsNothing()
    {
        await using var host = await Host.StartAsync();
        using var agent = new AgentStream(host.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        using var viewer = await host.UserAsync("province-viewer", "viewer");
        using var staff = await host.UserAsync("chieng-coi-staff", "site", CollectorHost.SiteId);
        using var anonymous = host.NewSession();

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/sites/{CollectorHost.SiteId}/selfcheck")).Status);

        // None of them reached the agent: the next thing on its stream is the answer to its own heartbeat.
        await agent.SendAsync(new AgentMessage { Heartbeat = new Heartbeat { SentTimeUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() } });
        Assert.Equal(CollectorMessage.KindOneofCase.Heartbeat, (await agent.ReadAsync()).KindCase);
    }

    /// <summary>
    /// The real collector with both listeners the test needs: h2c for the agents' gRPC stream and HTTP/1.1 for the API,
    /// each on its own free loopback port (so each address is known), its own state file and a known admin password.
    /// InfluxDB is a free port where nothing listens: neither Hello nor the API needs it.
    /// </summary>
    private sealed class Host : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TempDirectory _state;
        private readonly GrpcChannel _channel;
        private readonly Uri _api;

        private Host(WebApplication app, TempDirectory state, Uri grpc, Uri api)
        {
            _app = app;
            _state = state;
            _api = api;
            _channel = GrpcChannel.ForAddress(grpc);
        }

        public static async Task<Host> StartAsync()
        {
            var state = new TempDirectory();
            var grpc = new Uri(FormattableString.Invariant($"http://127.0.0.1:{FreePort.Tcp()}"));
            var api = new Uri(FormattableString.Invariant($"http://127.0.0.1:{FreePort.Tcp()}"));
            var app = Collector.CollectorApp.Build(
            [
                .. CollectorHost.BaseArgs("http://127.0.0.1:" + FreePort.Tcp()),
                "--Kestrel:Endpoints:Grpc:Url=" + grpc,
                "--Kestrel:Endpoints:Grpc:Protocols=Http2",
                "--Kestrel:Endpoints:Http:Url=" + api,
                "--Kestrel:Endpoints:Http:Protocols=Http1",
                "--State:Path=" + state.File("collector-state.db"),
                "--Auth:InitialAdminPassword=" + ApiHost.AdminPassword,
            ]);
            await app.StartAsync();
            return new Host(app, state, grpc, api);
        }

        public AsyncDuplexStreamingCall<AgentMessage, CollectorMessage> Connect(string token) =>
            new AgentGateway.AgentGatewayClient(_channel).Connect(new Metadata { { "authorization", "Bearer " + token } },
                cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        public ApiSession NewSession() => new(_api);

        public async Task<ApiSession> AdminAsync()
        {
            var session = NewSession();
            var login = await session.LoginAsync("admin", ApiHost.AdminPassword);
            Assert.True(login.Status == HttpStatusCode.OK, login.ToString());
            return session;
        }

        public async Task<ApiSession> UserAsync(string name, string role, string? site = null)
        {
            using (var admin = await AdminAsync())
            {
                var created = await admin.PostAsync("/api/users", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["name"] = name, ["role"] = role, ["site"] = site, ["password"] = ApiHost.UserPassword, ["must_change_password"] = false,
                }));
                Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
            }

            var session = NewSession();
            var login = await session.LoginAsync(name, ApiHost.UserPassword);
            Assert.True(login.Status == HttpStatusCode.OK, login.ToString());
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            _channel.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            _state.Dispose();
        }
    }
}

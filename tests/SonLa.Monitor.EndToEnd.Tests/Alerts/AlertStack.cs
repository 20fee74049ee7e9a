using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Network;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests.Alerts;

/// <summary>
/// The alerting pipeline on loopback, all real: snmpd devices (a router with IF-MIB rows, a UPS with UPS-MIB rows),
/// sonla-agent polling them every 2 s and receiving traps, reaching sonla-collector through a link the test can cut
/// (TcpProxy), InfluxDB, and a webhook channel pointing at a local HTTP receiver. Hold-downs are short so the tests run
/// in seconds; the collector restarts on the same ports and the same State:Path.
/// </summary>
public sealed class AlertStack : IAsyncDisposable
{
    public const string SiteId = "chieng-coi";
    public const string SiteName = "Xã Chiềng Cơi";
    public const string AgentToken = "e2e-alert-agent-token-4b1c";
    public const string TrapCommunity = "e2e-alert-traps";
    public const string AdminPassword = "e2e-admin-password-9d";
    public const string WebhookSecret = "e2e-webhook-secret-5a";
    public const int SiteOfflineSeconds = 6;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TempDirectory _dir = new("sonla-e2e-alerts");
    private readonly HttpClient _http = new();
    private readonly string _routerRole;
    private ChildProcess? _collector;
    private ChildProcess? _agent;
    private string[] _collectorArgs = [];

    private AlertStack(string routerRole) => _routerRole = routerRole;

    public InfluxServer Influx { get; private set; } = null!;

    public HttpReceiver Webhook { get; private set; } = null!;

    public SnmpdServer Router { get; private set; } = null!;

    public SnmpdServer Ups { get; private set; } = null!;

    public TcpProxy Link { get; private set; } = null!;

    public IReadOnlyList<SimulatedInterface> Interfaces { get; private set; } = [];

    public string CollectorGrpcUrl { get; } = $"http://127.0.0.1:{FreePort.Tcp()}";

    public string CollectorHttpUrl { get; } = $"http://127.0.0.1:{FreePort.Tcp()}";

    public string TrapTarget { get; } = $"127.0.0.1:{FreePort.Udp()}";

    public string AgentLog => _agent?.ReadLog() ?? "";

    public string CollectorLog => _collector?.ReadLog() ?? "";

    /// <summary>
    /// Starts everything and waits until the router's and the UPS's first points are in InfluxDB.
    /// <paramref name="routerRole"/>: "uplink" (the site's uplink router) or another role (a plain device).
    /// </summary>
    public static async Task<AlertStack> StartAsync(int interfaces = 2, string routerRole = "uplink", IEnumerable<string>? collectorArgs = null)
    {
        var stack = new AlertStack(routerRole);
        try
        {
            stack.Interfaces = [.. Enumerable.Range(1, interfaces).Select(i => new SimulatedInterface(i, i == 1 ? "ge-0/0/1" : $"lan{i}") { InOctets = 1000, OutOctets = 1000 })];
            stack.Router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", stack.Interfaces));
            stack.Ups = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups", SimulatedUps.OnMains));
            stack.Influx = await InfluxServer.StartAsync();
            stack.Webhook = HttpReceiver.Start();
            stack._collectorArgs = [.. collectorArgs ?? []];
            await stack.StartCollectorAsync();
            stack.Link = TcpProxy.Start(new Uri(stack.CollectorGrpcUrl).Port);
            stack.StartAgent();
            await stack.WaitForAsync(async () =>
            {
                var rows = await stack.Influx.QueryRowsAsync($"SELECT count(on_battery) FROM ups WHERE site = '{SiteId}'");
                var polls = await stack.Influx.QueryRowsAsync($"SELECT count(oper_status) FROM interface WHERE site = '{SiteId}'");
                return rows.Count > 0 && polls.Count > 0;
            }, "the first ups and interface points in InfluxDB");
            await stack.WaitForAsync(() => Task.FromResult(stack.AgentLog.Contains("Receiving SNMP traps on", StringComparison.Ordinal)), "the agent's trap receiver");
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets the router's interfaces (e.g. one of them oper down), served from the next poll on.</summary>
    public void SetInterfaces(Func<SimulatedInterface, SimulatedInterface> change)
    {
        Interfaces = [.. Interfaces.Select(change)];
        Router.SetRows(IfMibRows.For(Interfaces));
    }

    public void SetUps(SimulatedUps ups) => Ups.SetRows(UpsMibRows.For(ups));

    /// <summary>A linkDown (or linkUp) v2c trap from the router's address for one interface, sent with net-snmp's snmptrap.</summary>
    public async Task SendLinkTrapAsync(int ifIndex, bool up)
    {
        var index = ifIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await SnmpdServer.RunToolAsync("snmptrap", ["-v", "2c", "-c", TrapCommunity, TrapTarget, "", up ? ".1.3.6.1.6.3.1.1.5.4" : ".1.3.6.1.6.3.1.1.5.3",
            ".1.3.6.1.2.1.2.2.1.1." + index, "i", index, ".1.3.6.1.2.1.2.2.1.7." + index, "i", "1", ".1.3.6.1.2.1.2.2.1.8." + index, "i", up ? "1" : "2"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"snmptrap exited {result.ExitCode}: {result.StandardError}");
        }
    }

    /// <summary>The webhook calls so far, parsed.</summary>
    public IReadOnlyList<WebhookCall> Calls => [.. Webhook.Requests.Select(WebhookCall.Parse)];

    /// <summary>Waits until some webhook call matches; returns it.</summary>
    public async Task<WebhookCall> WaitForCallAsync(Func<WebhookCall, bool> match, string what)
    {
        WebhookCall? found = null;
        await WaitForAsync(() =>
        {
            found = Calls.FirstOrDefault(match);
            return Task.FromResult(found is not null);
        }, what);
        return found!;
    }

    public async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        try
        {
            await Poll.UntilAsync(condition, Deadline, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Describe()}", ex);
        }
    }

    /// <summary>The webhook calls and the ends of the logs, for failure messages.</summary>
    public string Describe() =>
        $"--- webhook calls ---\n{string.Join("\n", Calls.Select(c => c.ToString()))}\n--- agent log ---\n{Tail(AgentLog)}\n--- collector log ---\n{Tail(CollectorLog)}";

    public void KillCollector() => _collector?.Kill();

    /// <summary>kill -9 of the agent (a power cut of the agent's box, as far as the collector can tell).</summary>
    public void KillAgent() => _agent?.Kill();

    /// <summary>Starts the agent again with the same agent.json and outbox (a new boot id).</summary>
    public void RestartAgent()
    {
        _agent?.Dispose();
        _agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", _dir.File("agent.json")], _dir.File("agent.log"));
    }

    /// <summary>Starts the collector again on the same ports and state file; waits for its /healthz.</summary>
    public async Task RestartCollectorAsync()
    {
        _collector?.Dispose();
        await StartCollectorAsync();
    }

    /// <summary>A signed-in admin session of the collector's API (cookie and antiforgery token).</summary>
    public async Task<HttpClient> AdminSessionAsync()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri(CollectorHttpUrl) };
        using var login = await client.PostAsync("/api/login", Json(new Dictionary<string, string> { ["user"] = "admin", ["password"] = AdminPassword }));
        var body = await login.Content.ReadAsStringAsync();
        if (!login.IsSuccessStatusCode)
        {
            client.Dispose();
            throw new InvalidOperationException($"login: {(int)login.StatusCode} {body}");
        }

        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", JsonDocument.Parse(body).RootElement.GetProperty("csrf_token").GetString());
        return client;
    }

    public static StringContent Json(object value)
    {
        var content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private void StartAgent()
    {
        var config = new Dictionary<string, object>
        {
            ["Site"] = new { Id = SiteId, Name = SiteName },
            ["Collector"] = new { Url = $"http://{Link.Address}", Token = AgentToken },
            ["Outbox"] = new { Directory = _dir.File("outbox"), MaxMegabytes = 64 },
            ["Devices"] = new object[]
            {
                // The router first: traps from 127.0.0.1 are its (the first device of an address wins).
                new { Name = "router", Host = Router.Address, Version = "2c", Community = "public", IntervalSeconds = 2, TimeoutSeconds = 1, Retries = 0, Role = _routerRole },
                new { Name = "ups", Host = Ups.Address, Version = "2c", Community = "public", IntervalSeconds = 2, TimeoutSeconds = 1, Retries = 0, Role = "ups" },
            },
            ["Traps"] = new { Listen = TrapTarget, Communities = new[] { TrapCommunity } },
            // The scheduled self-check pings the default gateway: tests stay on loopback.
            ["SelfCheck"] = new { Gateway = "127.0.0.1" },
        };
        File.WriteAllText(_dir.File("agent.json"), JsonSerializer.Serialize(config, Indented));
        _agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", _dir.File("agent.json")], _dir.File("agent.log"));
    }

    private async Task StartCollectorAsync()
    {
        _collector = BuiltProgram.Start(BuiltProgram.CollectorDll,
        [
            .. CollectorArgs.OneSite(CollectorGrpcUrl, CollectorHttpUrl, Influx, _dir.File("collector-state.db"), SiteId, AgentToken, SiteName),
            "--Sites:0:District=Thành phố Sơn La",
            "--Ingest:HeartbeatIntervalSeconds=2",
            "--Alerts:EvaluationSeconds=1",
            $"--Alerts:Rules:site_offline:HoldDownSeconds={SiteOfflineSeconds}",
            "--Alerts:Rules:link_down:HoldDownSeconds=4",
            "--Alerts:Rules:device_unreachable:HoldDownSeconds=4",
            "--Alerts:Rules:ups_on_battery:HoldDownSeconds=4",
            "--Alerts:Outages:BackfillQuietSeconds=4",
            "--Alerts:Outages:TickSeconds=1",
            "--Notifications:RetryInitialSeconds=1",
            "--Notifications:Channels:0:Name=noc-webhook",
            "--Notifications:Channels:0:Type=webhook",
            $"--Notifications:Channels:0:Url={Webhook.Url("/hook")}",
            $"--Notifications:Channels:0:Secret={WebhookSecret}",
            $"--Auth:InitialAdminPassword={AdminPassword}",
            .. _collectorArgs,
        ], _dir.File("collector.log"));

        var collector = _collector;
        await Poll.UntilAsync(async () =>
        {
            if (collector.HasExited)
            {
                throw new InvalidOperationException("collector exited: " + collector.ReadLog());
            }

            try
            {
                using var response = await _http.GetAsync(CollectorHttpUrl + "/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the collector's /healthz");
    }

    private static string Tail(string log) => log.Length <= 6000 ? log : log[^6000..];

    public async ValueTask DisposeAsync()
    {
        _agent?.Dispose();
        _collector?.Dispose();
        _http.Dispose();
        if (Link is not null)
        {
            await Link.DisposeAsync();
        }

        if (Webhook is not null)
        {
            await Webhook.DisposeAsync();
        }

        foreach (var server in new[] { Router, Ups })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        if (Influx is not null)
        {
            await Influx.DisposeAsync();
        }

        _dir.Dispose();
    }
}

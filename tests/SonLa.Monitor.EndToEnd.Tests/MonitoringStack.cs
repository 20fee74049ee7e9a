using System.Net.Http;
using System.Text.Json;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.EndToEnd.Tests;

/// <summary>
/// The whole product on loopback: a real influxd, the collector and an agent as child processes
/// (our own built programs), polling devices that the test starts as real snmpd instances.
/// </summary>
public sealed class MonitoringStack : IAsyncDisposable
{
    public const string SiteId = "chieng-coi";
    public const string AgentToken = "e2e-agent-token-7f3a";

    private static readonly TimeSpan RowsDeadline = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TempDirectory _dir = new("sonla-e2e");
    private readonly HttpClient _http = new();
    private ChildProcess? _collector;
    private ChildProcess? _agent;

    private MonitoringStack(InfluxServer influx)
    {
        Influx = influx;
        // Chosen once: a restarted collector comes back on the same ports, as a service would.
        CollectorGrpcUrl = $"http://127.0.0.1:{FreePort.Tcp()}";
        CollectorHttpUrl = $"http://127.0.0.1:{FreePort.Tcp()}";
    }

    public InfluxServer Influx { get; }

    public string CollectorGrpcUrl { get; }

    public string CollectorHttpUrl { get; }

    /// <summary>The agent's Outbox:Directory; the same across agent restarts.</summary>
    public string OutboxDirectory => _dir.File("outbox");

    public string AgentConfigPath => _dir.File("agent.json");

    public static async Task<MonitoringStack> StartAsync()
    {
        var stack = new MonitoringStack(await InfluxServer.StartAsync());
        await stack.StartCollectorAsync();
        return stack;
    }

    public string CollectorLog => _collector?.ReadLog() ?? "";

    public string AgentLog => _agent?.ReadLog() ?? "";

    /// <summary>
    /// Writes agent.json for the given devices (and Traps section, if any) and starts `sonla-agent run`.
    /// <paramref name="collectorUrl"/> replaces the collector's own URL, e.g. with a proxy standing for the WAN link.
    /// </summary>
    public void StartAgent(IEnumerable<object> devices, object? traps = null, string? collectorUrl = null)
    {
        var config = new Dictionary<string, object>
        {
            ["Site"] = new { Id = SiteId, Name = "Xã Chiềng Cơi" },
            ["Collector"] = new { Url = collectorUrl ?? CollectorGrpcUrl, Token = AgentToken },
            ["Outbox"] = new { Directory = OutboxDirectory, MaxMegabytes = 64 },
            ["Devices"] = devices,
            // The scheduled self-check pings the default gateway: tests stay on loopback.
            ["SelfCheck"] = new { Gateway = "127.0.0.1" },
        };
        if (traps is not null)
        {
            config["Traps"] = traps;
        }

        File.WriteAllText(AgentConfigPath, JsonSerializer.Serialize(config, Indented));
        StartAgentProcess();
    }

    /// <summary>kill -9 of the agent: no goodbye, whatever it held in memory is gone.</summary>
    public void KillAgent() => _agent?.Kill();

    /// <summary>SIGTERM, as systemd stops a service; waits for the agent to exit.</summary>
    public async Task<int> StopAgentAsync()
    {
        var agent = _agent ?? throw new InvalidOperationException("no agent started");
        return await ProcessSignal.TerminateAsync(agent, TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts the agent again with the same agent.json (same outbox directory); its log goes on in the same file.</summary>
    public void RestartAgent()
    {
        _agent?.Dispose();
        StartAgentProcess();
    }

    private void StartAgentProcess() =>
        _agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", AgentConfigPath], _dir.File("agent.log"));

    /// <summary>kill -9 of the collector.</summary>
    public void KillCollector() => _collector?.Kill();

    /// <summary>Starts the collector again on the same ports and waits for its /healthz.</summary>
    public async Task RestartCollectorAsync()
    {
        _collector?.Dispose();
        await StartCollectorAsync();
    }

    /// <summary>The collector's <c>/metrics</c> text.</summary>
    public async Task<string> ReadMetricsAsync() => await _http.GetStringAsync(CollectorHttpUrl + "/metrics");

    /// <summary>The ends of the agent's and collector's logs, for failure messages.</summary>
    public string LogTails() => $"--- agent log ---\n{Tail(AgentLog)}\n--- collector log ---\n{Tail(CollectorLog)}";

    private async Task StartCollectorAsync()
    {
        _collector = BuiltProgram.Start(BuiltProgram.CollectorDll,
            [.. CollectorArgs.OneSite(CollectorGrpcUrl, CollectorHttpUrl, Influx, _dir.File("collector-state.db"), SiteId, AgentToken, "Xã Chiềng Cơi")],
            _dir.File("collector.log"));

        var collector = _collector;
        await Poll.UntilAsync(async () =>
        {
            if (collector.HasExited)
            {
                throw new InvalidOperationException("collector exited: " + collector.ReadLog());
            }

            using var response = await _http.GetAsync(CollectorHttpUrl + "/healthz");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the collector's /healthz");
    }

    /// <summary>
    /// Runs <paramref name="influxQl"/> until <paramref name="done"/> holds for its rows; on time-out the
    /// failure carries the last rows and the ends of the agent's and collector's logs.
    /// </summary>
    public async Task<IReadOnlyList<Dictionary<string, JsonElement>>> WaitForRowsAsync(string influxQl,
        Func<IReadOnlyList<Dictionary<string, JsonElement>>, bool> done)
    {
        IReadOnlyList<Dictionary<string, JsonElement>> rows = [];
        try
        {
            await Poll.UntilAsync(async () =>
            {
                rows = await Influx.QueryRowsAsync(influxQl);
                return done(rows);
            }, RowsDeadline, influxQl);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nLast rows: {JsonSerializer.Serialize(rows)}\n{LogTails()}", ex);
        }

        return rows;
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    public async ValueTask DisposeAsync()
    {
        _agent?.Dispose();
        _collector?.Dispose();
        _http.Dispose();
        await Influx.DisposeAsync();
        _dir.Dispose();
    }
}

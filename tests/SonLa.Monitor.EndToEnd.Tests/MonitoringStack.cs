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
    private ChildProcess? _collector;
    private ChildProcess? _agent;

    private MonitoringStack(InfluxServer influx) => Influx = influx;

    public InfluxServer Influx { get; }

    public string CollectorGrpcUrl { get; private set; } = "";

    public string CollectorHttpUrl { get; private set; } = "";

    public static async Task<MonitoringStack> StartAsync()
    {
        var stack = new MonitoringStack(await InfluxServer.StartAsync());
        await stack.StartCollectorAsync();
        return stack;
    }

    public string CollectorLog => _collector?.ReadLog() ?? "";

    public string AgentLog => _agent?.ReadLog() ?? "";

    /// <summary>Writes agent.json for the given devices (and Traps section, if any) and starts `sonla-agent run`.</summary>
    public void StartAgent(IEnumerable<object> devices, object? traps = null)
    {
        var config = new Dictionary<string, object>
        {
            ["Site"] = new { Id = SiteId, Name = "Xã Chiềng Cơi" },
            ["Collector"] = new { Url = CollectorGrpcUrl, Token = AgentToken },
            ["Outbox"] = new { Directory = _dir.File("outbox"), MaxMegabytes = 64 },
            ["Devices"] = devices,
        };
        if (traps is not null)
        {
            config["Traps"] = traps;
        }

        var path = _dir.File("agent.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, Indented));
        _agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", path], _dir.File("agent.log"));
    }

    private async Task StartCollectorAsync()
    {
        var grpcPort = FreePort.Tcp();
        var httpPort = FreePort.Tcp();
        CollectorGrpcUrl = $"http://127.0.0.1:{grpcPort}";
        CollectorHttpUrl = $"http://127.0.0.1:{httpPort}";
        _collector = BuiltProgram.Start(BuiltProgram.CollectorDll,
        [
            $"--Kestrel:Endpoints:Grpc:Url={CollectorGrpcUrl}",
            "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            $"--Kestrel:Endpoints:Http:Url={CollectorHttpUrl}",
            "--Kestrel:Endpoints:Http:Protocols=Http1",
            $"--Influx:Url={Influx.Url}",
            "--Influx:Version=1",
            $"--Influx:Database={Influx.Database}",
            $"--Agents:0:SiteId={SiteId}",
            $"--Agents:0:Token={AgentToken}",
            $"--Sites:0:Id={SiteId}",
            "--Sites:0:Name=Xã Chiềng Cơi",
        ], _dir.File("collector.log"));

        using var http = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            if (_collector.HasExited)
            {
                throw new InvalidOperationException("collector exited: " + _collector.ReadLog());
            }

            using var response = await http.GetAsync(CollectorHttpUrl + "/healthz");
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
            throw new TimeoutException($"{ex.Message}\nLast rows: {JsonSerializer.Serialize(rows)}\n" +
                                       $"--- agent log ---\n{Tail(AgentLog)}\n--- collector log ---\n{Tail(CollectorLog)}", ex);
        }

        return rows;
    }

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    public async ValueTask DisposeAsync()
    {
        _agent?.Dispose();
        _collector?.Dispose();
        await Influx.DisposeAsync();
        _dir.Dispose();
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Testing.Influx;

/// <summary>
/// A real InfluxDB 1.x (Debian's influxd) on free loopback ports with its data in a temp dir.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("sonla-influx");
    private readonly HttpClient _http = new();
    private ChildProcess? _process;

    private InfluxServer(int httpPort, int rpcPort, string database)
    {
        HttpPort = httpPort;
        RpcPort = rpcPort;
        Database = database;
        _http.BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public int HttpPort { get; }

    public int RpcPort { get; }

    public string Database { get; }

    public string Url => $"http://127.0.0.1:{HttpPort}";

    /// <summary>The running influxd's process id (null while stopped).</summary>
    public int? Pid => _process?.Pid;

    public static async Task<InfluxServer> StartAsync(string database = "sonla_monitor")
    {
        var server = new InfluxServer(FreePort.Tcp(), FreePort.Tcp(), database);
        server.WriteConfig();
        await server.StartProcessAsync();
        await server.QueryAsync($"CREATE DATABASE \"{database}\"");
        return server;
    }

    /// <summary>Stops influxd (SIGKILL), as a crash or an operator would; data on disk stays.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public Task StartAgainAsync() => StartProcessAsync();

    /// <summary>Runs InfluxQL against the test database and returns the parsed JSON answer.</summary>
    public async Task<JsonDocument> QueryAsync(string influxQl)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["q"] = influxQl,
            ["db"] = Database,
            ["epoch"] = "ns",
        });
        using var response = await _http.PostAsync("/query", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxQL '{influxQl}' failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>The rows of the first series of an InfluxQL answer, each as column name → value.</summary>
    public async Task<IReadOnlyList<Dictionary<string, JsonElement>>> QueryRowsAsync(string influxQl)
    {
        using var document = await QueryAsync(influxQl);
        var rows = new List<Dictionary<string, JsonElement>>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxQL '{influxQl}' failed: {error}");
            }

            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var serie in series.EnumerateArray())
            {
                var columns = serie.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
                var tags = serie.TryGetProperty("tags", out var t) ? t.EnumerateObject().ToArray() : [];
                foreach (var values in serie.GetProperty("values").EnumerateArray())
                {
                    var row = new Dictionary<string, JsonElement>();
                    var i = 0;
                    foreach (var value in values.EnumerateArray())
                    {
                        row[columns[i++]] = value.Clone();
                    }

                    foreach (var tag in tags)
                    {
                        row[tag.Name] = tag.Value.Clone();
                    }

                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    private void WriteConfig()
    {
        var config = $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{RpcPort}"

            [meta]
              dir = "{_dir.File("meta")}"

            [data]
              dir = "{_dir.File("data")}"
              wal-dir = "{_dir.File("wal")}"
              query-log-enabled = false

            [http]
              enabled = true
              bind-address = "127.0.0.1:{HttpPort}"
              log-enabled = false

            [monitor]
              store-enabled = false

            [continuous_queries]
              enabled = false
            """;
        File.WriteAllText(_dir.File("influxdb.conf"), config, new UTF8Encoding(false));
    }

    private async Task StartProcessAsync()
    {
        var influxd = RequiredTool.Find("influxd", "influxdb");
        _process = ChildProcess.Start(influxd, ["-config", _dir.File("influxdb.conf")], _dir.File("influxd.log"));
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("influxd exited: " + _process.ReadLog());
            }

            using var response = await _http.GetAsync("/ping");
            return response.StatusCode == HttpStatusCode.NoContent;
        }, TimeSpan.FromSeconds(60), $"influxd on {Url}");
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _http.Dispose();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

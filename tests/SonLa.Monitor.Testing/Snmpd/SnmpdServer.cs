using System.Diagnostics;
using System.Text;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>
/// A real net-snmp snmpd on a free loopback UDP port, with its own config and persistent dir
/// (so engine boots survive a restart, as on a real device). net-snmp's own tools are the oracle.
/// </summary>
public sealed class SnmpdServer : IAsyncDisposable
{
    private readonly TempDirectory _dir = new("sonla-snmpd");
    private ChildProcess? _process;

    private SnmpdServer(SnmpdOptions options, int port)
    {
        Options = options;
        Port = port;
    }

    public SnmpdOptions Options { get; }

    public int Port { get; }

    /// <summary>"127.0.0.1:PORT", as net-snmp tools and our CLI take it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public string DataFile => _dir.File("pass_persist.tsv");

    public string Directory => _dir.Path;

    public static async Task<SnmpdServer> StartAsync(SnmpdOptions? options = null)
    {
        var server = new SnmpdServer(options ?? new SnmpdOptions(), FreePort.UdpAndTcp());
        server.WriteConfig();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Replaces the rows served under the pass_persist root; the script re-reads them on the next request.</summary>
    public void SetRows(IEnumerable<PassPersistRow> rows)
    {
        var temp = DataFile + ".tmp";
        File.WriteAllLines(temp, rows.Select(r => r.ToLine()), new UTF8Encoding(false));
        File.Move(temp, DataFile, overwrite: true);
        // mtime granularity could hide two writes in one tick; touch forward.
        File.SetLastWriteTimeUtc(DataFile, DateTime.UtcNow.AddSeconds(Interlocked.Increment(ref _touch)));
    }

    private static long _touch;

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        Stop();
        await StartProcessAsync();
    }

    public bool IsRunning => _process is { HasExited: false };

    public string ReadLog() => _process?.ReadLog() ?? "";

    /// <summary>Runs a net-snmp command-line tool (snmpbulkwalk, snmpget, snmptrap, ...) and returns its stdout.</summary>
    public static async Task<ToolResult> RunToolAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(RequiredTool.Find(tool, "snmp"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // Numeric OIDs only: no IETF MIBs are installable here, and "Cannot find module" noise hides errors.
        info.ArgumentList.Add("-M");
        info.ArgumentList.Add("/dev/null");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', info.ArgumentList)} did not finish.");
        }

        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    private void WriteConfig()
    {
        var config = new StringBuilder();
        var listen = $"udp:127.0.0.1:{Port}";
        if (Options.ListenIPv6)
        {
            listen += $",udp6:[::1]:{Port}";
        }

        config.AppendLine($"agentAddress {listen}");
        config.AppendLine($"rocommunity {Options.Community} 127.0.0.1");
        if (Options.ListenIPv6)
        {
            config.AppendLine($"rocommunity6 {Options.Community} ::1");
        }

        config.AppendLine($"sysName {Options.SysName}");
        config.AppendLine($"sysLocation {Options.SysLocation}");
        config.AppendLine("sysContact noc@sonla.test");
        config.AppendLine("sysServices 72");
        var roots = Options.ExtraPassPersistRoots.ToList();
        if (Options.PassPersistRoot is not null)
        {
            roots.Insert(0, Options.PassPersistRoot);
        }

        if (roots.Count > 0)
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Snmpd", "pass_persist_table.py");
            foreach (var root in roots)
            {
                config.AppendLine($"pass_persist {root} /usr/bin/python3 {script} {DataFile}");
            }

            SetRows(Options.PassPersistRows);
        }

        foreach (var line in Options.ExtraConfig)
        {
            config.AppendLine(line);
        }

        File.WriteAllText(_dir.File("snmpd.conf"), config.ToString(), new UTF8Encoding(false));
    }

    private async Task StartProcessAsync()
    {
        var snmpd = RequiredTool.Find("snmpd", "snmpd");
        var persistent = _dir.File("persist");
        System.IO.Directory.CreateDirectory(persistent);
        // Not "-C -c FILE": -C also skips the persistent dir, so every restart would get a new
        // engine id and boots 1. SNMPCONFPATH instead limits the config search to our dir (never
        // /etc/snmp) plus the persistent dir, so engine id and boots survive restarts like a device's.
        _process = ChildProcess.Start(snmpd,
        [
            "-f", "-Lf", _dir.File("snmpd.log"),
            $"--persistentDir={persistent}", "-M", "/dev/null", "-p", _dir.File("snmpd.pid"),
            // smux would try the fixed TCP port 199; parallel test snmpds must not compete for it.
            "-I", "-" + string.Join(',', Options.DisabledModules.Prepend("smux")),
        ], _dir.File("snmpd.stdout.log"), new Dictionary<string, string> { ["SNMPCONFPATH"] = $"{_dir.Path}:{persistent}" });

        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("snmpd exited: " + ReadFileOrEmpty(_dir.File("snmpd.log")));
            }

            var probe = await RunToolAsync("snmpget",
                ["-v2c", "-c", Options.Community, "-t", "0.3", "-r", "0", "-On", Address, ".1.3.6.1.2.1.1.3.0"]);
            return probe.ExitCode == 0;
        }, TimeSpan.FromSeconds(30), $"snmpd on {Address}");
    }

    private static string ReadFileOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    public ValueTask DisposeAsync()
    {
        Stop();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}

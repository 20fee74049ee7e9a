using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// Our walker (in-process, output formatted as snmpbulkwalk -On prints it) against snmpbulkwalk
/// (a process run), both on one private snmpd with max-repetitions 10. Medians of several runs.
/// </summary>
internal static class WalkBench
{
    private const int Runs = 7;
    private const int MaxRepetitions = 10;

    public static async Task RunAsync()
    {
        await using var server = await SnmpdServer.StartAsync(new SnmpdOptions { ListenIPv6 = false });
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, server.Port))
        {
            MaxRepetitions = MaxRepetitions,
            Timeout = TimeSpan.FromSeconds(30),
            Retries = 1,
        };
        await using var client = new SnmpClient();

        // hrSWInstalledTable: one row per installed Debian package, served by snmpd's own C code
        // (cached), so snmpd is not a python pass_persist bottleneck. ~800 rows x 5 columns here.
        await BenchAsync("walk.table600", client, target, server, ".1.3.6.1.2.1.25.6.3", columns: 5);
        await BenchAsync("walk.mib2", client, target, server, ".1.3.6.1.2.1", columns: 0);
    }

    private static async Task BenchAsync(string name, SnmpClient client, SnmpTarget target, SnmpdServer server, string root, int columns)
    {
        var oid = ObjectIdentifier.Parse(root);
        // Warm-up: JIT for us, snmpd's caches (hrSWInstalled reads dpkg's database) for both.
        var varBinds = await WalkOursAsync(client, target, oid);
        await WalkTheirsAsync(server, root);

        var ours = new List<double>();
        var theirs = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            varBinds = await WalkOursAsync(client, target, oid);
            ours.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await WalkTheirsAsync(server, root);
            theirs.Add(clock.Elapsed.TotalMilliseconds);
        }

        ours.Sort();
        theirs.Sort();
        var oursMs = ours[Runs / 2];
        var theirsMs = theirs[Runs / 2];
        var rows = columns > 0 ? $"rows={varBinds / columns} " : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} {rows}varbinds={varBinds}  ours_ms={oursMs:0.0}  snmpbulkwalk_ms={theirsMs:0.0}  ratio={oursMs / theirsMs:0.00} (target <= 1.0)"));
    }

    private static async Task<int> WalkOursAsync(SnmpClient client, SnmpTarget target, ObjectIdentifier root)
    {
        var output = new StringBuilder();
        var count = 0;
        await foreach (var varBind in SnmpWalker.WalkAsync(client, target, root))
        {
            output.Append(NetSnmpFormatter.Format(varBind)).Append('\n');
            count++;
        }

        return count;
    }

    private static async Task WalkTheirsAsync(SnmpdServer server, string root)
    {
        var result = await SnmpdServer.RunToolAsync("snmpbulkwalk",
            ["-v2c", "-c", "public", "-On", $"-Cr{MaxRepetitions}", server.Address, root], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("snmpbulkwalk failed: " + result.StandardError);
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
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
        await using var server = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            ListenIPv6 = false,
            ExtraConfig = [$"createUser {V3User} SHA-256 \"{V3AuthPass}\" AES \"{V3PrivPass}\"", $"rouser {V3User} priv", .. Table600()],
        });
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, server.Port))
        {
            MaxRepetitions = MaxRepetitions,
            Timeout = TimeSpan.FromSeconds(30),
            Retries = 1,
        };
        await using var client = new SnmpClient();

        await BenchAsync("walk.table600", client, target, server, TableRoot, TableColumns, V2cArgs);
        await BenchAsync("walk.mib2", client, target, server, ".1.3.6.1.2.1", columns: 0, V2cArgs);

        // SNMPv3 authPriv SHA-256/AES-128, same table. Ours keeps its session (engine id, boots,
        // time, localized keys) across walks as a poller does; snmpbulkwalk, a new process each
        // time, discovers the engine and derives its keys (two 1 MB hashes) on every run.
        var v3 = target with
        {
            Version = SnmpVersion.V3,
            Security = UsmSecurity.Create(V3User, "authPriv", "SHA-256", V3AuthPass, "AES", V3PrivPass),
        };
        string[] v3Args = ["-v3", "-u", V3User, "-l", "authPriv", "-a", "SHA-256", "-A", V3AuthPass, "-x", "AES", "-X", V3PrivPass];
        await BenchAsync("walk.table600.v3", client, v3, server, TableRoot, TableColumns, v3Args);
        // The same with a new SnmpClient per walk (engine discovery each time; keys stay cached).
        await BenchAsync("walk.table600.v3.newclient", null, v3, server, TableRoot, TableColumns, v3Args);
    }

    private const string TableRoot = ".1.3.6.1.4.1.99998.1";
    private const int TableRows = 600;
    private const int TableColumns = 4;

    /// <summary>
    /// A 600-row, 4-column table (name, index, speed, counter — an ifTable's shape) served from snmpd's
    /// memory by `override` lines: native C, so neither a python pass_persist script nor a host scan
    /// (hrSWInstalledTable reads dpkg's database) is what gets measured, and the row count is exact.
    /// </summary>
    private static IEnumerable<string> Table600()
    {
        for (var row = 1; row <= TableRows; row++)
        {
            yield return $"override {TableRoot}.2.{row} octet_str \"port{row}\"";
        }

        for (var row = 1; row <= TableRows; row++)
        {
            yield return $"override {TableRoot}.3.{row} integer {row}";
        }

        for (var row = 1; row <= TableRows; row++)
        {
            yield return $"override {TableRoot}.5.{row} uinteger 1000000000";
        }

        for (var row = 1; row <= TableRows; row++)
        {
            yield return $"override {TableRoot}.10.{row} counter {row * 1000L}";
        }
    }

    private const string V3User = "bench";
    private const string V3AuthPass = "bench-auth-pass";
    private const string V3PrivPass = "bench-priv-pass";
    private static readonly string[] V2cArgs = ["-v2c", "-c", "public"];

    private static async Task BenchAsync(string name, SnmpClient? client, SnmpTarget target, SnmpdServer server, string root, int columns, string[] toolArgs)
    {
        var oid = ObjectIdentifier.Parse(root);
        // Warm-up: snmpd's caches for both; for us, long enough that tiered JIT has promoted the hot
        // path (a poller runs for months: its steady state is what counts, not tier-0 code).
        var varBinds = 0;
        var warmUp = Stopwatch.StartNew();
        for (var walks = 0; walks < 5 || warmUp.Elapsed < TimeSpan.FromSeconds(2); walks++)
        {
            varBinds = await WalkOursAsync(client, target, oid);
        }

        await WalkTheirsAsync(server, root, toolArgs);

        var ours = new List<double>();
        var theirs = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            varBinds = await WalkOursAsync(client, target, oid);
            ours.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            await WalkTheirsAsync(server, root, toolArgs);
            theirs.Add(clock.Elapsed.TotalMilliseconds);
        }

        ours.Sort();
        theirs.Sort();
        var oursMs = ours[Runs / 2];
        var theirsMs = theirs[Runs / 2];
        var rows = columns > 0 ? $"rows={varBinds / columns} " : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-24} {rows}varbinds={varBinds}  ours_ms={oursMs:0.0}  snmpbulkwalk_ms={theirsMs:0.0}  ratio={oursMs / theirsMs:0.00} (target <= 1.0)"));
    }

    private static async Task<int> WalkOursAsync(SnmpClient? shared, SnmpTarget target, ObjectIdentifier root)
    {
        var client = shared ?? new SnmpClient();
        try
        {
            return await WalkWithAsync(client, target, root);
        }
        finally
        {
            if (shared is null)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<int> WalkWithAsync(SnmpClient client, SnmpTarget target, ObjectIdentifier root)
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

    private static async Task WalkTheirsAsync(SnmpdServer server, string root, string[] toolArgs)
    {
        var result = await SnmpdServer.RunToolAsync("snmpbulkwalk",
            [.. toolArgs, "-On", $"-Cr{MaxRepetitions}", server.Address, root], TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("snmpbulkwalk failed: " + result.StandardError);
        }
    }
}

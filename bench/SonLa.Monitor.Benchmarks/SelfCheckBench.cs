using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.SelfCheck;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Https;
using SonLa.Monitor.Testing.Ntp;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// Bench <c>selfcheck</c> (issue 7): wall time of a full self-check with one dead device (target ≤ 5 s), against the
/// anchor of the same run: the sum of the checks' own times, i.e. what running them one after another would cost.
/// Real peers on loopback: a healthy snmpd (also the uplink), a silent UDP port, a v3 device with a wrong privacy
/// passphrase, an HTTPS service signed by a test CA, an SNTP responder, a collector port where nothing listens.
/// </summary>
internal static class SelfCheckBench
{
    private const int Runs = 5;

    public static async Task RunAsync()
    {
        using var directory = new TempDirectory("sonla-bench-selfcheck");
        var rows = IfMibRows.DeviceOptions("router", [new SimulatedInterface(1, "wan0"), new SimulatedInterface(2, "lan0")]);
        await using var snmpd = await SnmpdServer.StartAsync(new SnmpdOptions
        {
            SysName = rows.SysName,
            ExtraPassPersistRoots = rows.ExtraPassPersistRoots,
            DisabledModules = rows.DisabledModules,
            PassPersistRows = rows.PassPersistRows,
            ExtraConfig = ["createUser mon SHA-256 \"auth-Phrase-5521\" AES \"priv-Phrase-9034\"", "rouser mon priv"],
        });
        using var ca = TestCertificateAuthority.Create();
        await using var https = TestHttpsServer.Start(ca.Issue());
        await using var ntp = SntpResponder.Start(TimeSpan.FromMilliseconds(300));
        var dead = FormattableString.Invariant($"127.0.0.1:{FreePort.Udp()}");
        var json = new JsonObject
        {
            ["Site"] = new JsonObject { ["Id"] = "bench", ["Name"] = "Xã Bench" },
            ["Collector"] = new JsonObject { ["Url"] = FormattableString.Invariant($"http://127.0.0.1:{FreePort.Tcp()}"), ["Token"] = "bench-token-0123456789" },
            ["Outbox"] = new JsonObject { ["Directory"] = directory.File("outbox") },
            ["Devices"] = new JsonArray
            {
                new JsonObject { ["Name"] = "router", ["Host"] = snmpd.Address, ["Community"] = "public", ["Role"] = "uplink" },
                new JsonObject { ["Name"] = "dead", ["Host"] = dead, ["Community"] = "public" },
                new JsonObject
                {
                    ["Name"] = "fw", ["Host"] = snmpd.Address, ["Version"] = "3", ["User"] = "mon", ["Level"] = "authPriv", ["AuthProtocol"] = "SHA-256",
                    ["AuthPassphrase"] = "auth-Phrase-5521", ["PrivProtocol"] = "AES", ["PrivPassphrase"] = "wrong-Priv-0000",
                },
            },
            ["SelfCheck"] = new JsonObject
            {
                ["Services"] = new JsonArray { new JsonObject { ["Name"] = "service", ["Url"] = https.Url(), ["CaCertificate"] = ca.WritePem(directory.File("ca.pem")) } },
                ["NtpServers"] = new JsonArray { ntp.Address },
                ["Gateway"] = "127.0.0.1",
            },
        };
        var path = directory.File("agent.json");
        await File.WriteAllTextAsync(path, json.ToJsonString());
        var loaded = AgentConfigurationLoader.Load(path, []);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        }

        // One run to JIT everything, then the measured ones.
        await SelfCheckSession.RunAsync(loaded.Options, TimeProvider.System, null, CancellationToken.None);
        var walls = new List<double>();
        var sums = new List<double>();
        SelfCheckReport? last = null;
        for (var i = 0; i < Runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            last = await SelfCheckSession.RunAsync(loaded.Options, TimeProvider.System, null, CancellationToken.None);
            walls.Add(stopwatch.Elapsed.TotalMilliseconds);
            sums.Add(last.Checks.Sum(c => c.Milliseconds));
        }

        var wall = Median(walls);
        var sum = Median(sums);
        var timeout = loaded.Options.SelfCheck.Timeout.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"selfcheck: {last!.Checks.Count} checks (one dead device, v3 wrong priv, dead collector), per-check timeout {timeout:0} ms, median of {Runs}:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  wall {wall:0} ms (target <= 5000 ms: {(wall <= 5000 ? "met" : "MISSED")}); anchor: sum of the checks' times {sum:0} ms; wall/sum {wall / sum:0.00}; wall/timeout {wall / timeout:0.00}"));
        foreach (var check in last.Checks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {check.Id,-16} {SelfCheckJson.StatusName(check.Status),-4} {check.Milliseconds,5} ms"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

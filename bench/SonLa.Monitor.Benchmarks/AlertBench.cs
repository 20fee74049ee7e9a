using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// alerts: (1) latency from a linkDown trap leaving net-snmp's snmptrap to the webhook request arriving at a local HTTP
/// receiver, through the real agent (trap receiver, outbox, uplink) and collector (ingest, alert engine, dispatcher,
/// webhook channel), p50/p99 over 100 traps, one at a time, each on its own interface (so each is a new alert); the anchor
/// is snmptrap's own run time (spawn to exit) measured on the same traps. (2) The alert engine's cost per 1,000 sites per
/// cycle, in-process: every site's batch of a poll (device, 4 interfaces, UPS, agent point) applied, then one Tick;
/// the anchor is one plain read of every field of the same batches.
/// </summary>
internal static class AlertBench
{
    private const int Traps = 100;
    private const int Sites = 1000;
    private const int Cycles = 20;
    private const string Community = "bench-alert-traps";
    private const string Token = "bench-alert-agent-token-77";

    public static async Task RunAsync()
    {
        await TrapToWebhookAsync();
        EngineCost();
    }

    private static async Task TrapToWebhookAsync()
    {
        using var dir = new TempDirectory("sonla-bench-alerts");
        var interfaces = Enumerable.Range(1, Traps).Select(i => new SimulatedInterface(i, $"port{i}")).ToList();
        await using var router = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("switch", interfaces));
        await using var influx = await InfluxServer.StartAsync("sonla_monitor");
        await using var webhook = HttpReceiver.Start();
        var grpc = $"http://127.0.0.1:{FreePort.Tcp()}";
        var http = $"http://127.0.0.1:{FreePort.Tcp()}";
        var trapTarget = $"127.0.0.1:{FreePort.Udp()}";
        using var collector = BuiltProgram.Start(BuiltProgram.CollectorDll,
        [
            $"--Kestrel:Endpoints:Grpc:Url={grpc}", "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            $"--Kestrel:Endpoints:Http:Url={http}", "--Kestrel:Endpoints:Http:Protocols=Http1",
            $"--Influx:Url={influx.Url}", "--Influx:Version=1", $"--Influx:Database={influx.Database}",
            $"--State:Path={dir.File("state.db")}", "--Agents:0:SiteId=bench-site", $"--Agents:0:Token={Token}",
            "--Sites:0:Id=bench-site", "--Sites:0:Name=Xã Bench",
            "--Notifications:Channels:0:Name=bench", "--Notifications:Channels:0:Type=webhook", $"--Notifications:Channels:0:Url={webhook.Url("/hook")}", "--Notifications:Channels:0:Secret=bench-webhook-secret",
            "--Logging:LogLevel:Default=Warning",
        ], dir.File("collector.log"));
        using var client = new HttpClient();
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync(http + "/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException) when (!collector.HasExited)
            {
                return false;
            }
            catch (HttpRequestException)
            {
                throw new InvalidOperationException("the collector exited: " + collector.ReadLog());
            }
        }, TimeSpan.FromSeconds(60), "the collector");

        var config = new
        {
            Site = new { Id = "bench-site", Name = "Xã Bench" },
            Collector = new { Url = grpc, Token },
            Outbox = new { Directory = dir.File("outbox"), MaxMegabytes = 64 },
            // Polled once at start (all up) and not again within the run: every alert comes from its trap.
            Devices = new[] { new { Name = "switch", Host = router.Address, Version = "2c", Community = "public", IntervalSeconds = 3600, Role = "switch" } },
            Traps = new { Listen = trapTarget, Communities = new[] { Community } },
            // Loopback only: the scheduled self-check pings this, not the machine's real gateway.
            SelfCheck = new { Gateway = "127.0.0.1" },
        };
        File.WriteAllText(dir.File("agent.json"), JsonSerializer.Serialize(config));
        using var agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", dir.File("agent.json")], dir.File("agent.log"));
        await Poll.UntilAsync(async () => (await influx.QueryRowsAsync("SELECT count(oper_status) FROM interface")).Count > 0
            && agent.ReadLog().Contains("Receiving SNMP traps on", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "the agent's first poll");

        var latencies = new List<double>();
        var toolTimes = new List<double>();
        var afterExit = new List<double>();
        for (var i = 1; i <= Traps; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var before = webhook.Count;
            var sentAt = DateTimeOffset.UtcNow;
            var tool = Stopwatch.StartNew();
            var result = await SnmpdServer.RunToolAsync("snmptrap", ["-v", "2c", "-c", Community, trapTarget, "", ".1.3.6.1.6.3.1.1.5.3",
                ".1.3.6.1.2.1.2.2.1.1." + index, "i", index, ".1.3.6.1.2.1.2.2.1.8." + index, "i", "2"]);
            toolTimes.Add(tool.Elapsed.TotalMilliseconds);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("snmptrap: " + result.StandardError);
            }

            var requests = await webhook.WaitForAsync(before + 1, TimeSpan.FromSeconds(30));
            latencies.Add((requests[before].ReceivedAt - sentAt).TotalMilliseconds);
            afterExit.Add(latencies[^1] - toolTimes[^1]);
        }

        latencies.Sort();
        toolTimes.Sort();
        afterExit.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alerts.trap-to-webhook: {Traps} linkDown traps, snmptrap -> agent -> collector -> webhook receiver: "
            + $"p50 {Percentile(latencies, 0.50):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms (target p99 <= 1000 ms: {(Percentile(latencies, 0.99) <= 1000 ? "met" : "NOT met")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    (anchor: snmptrap's own run, spawn to exit: p50 {Percentile(toolTimes, 0.50):F0} ms, p99 {Percentile(toolTimes, 0.99):F0} ms; "
            + $"latency p50 = {Percentile(latencies, 0.50) / Percentile(toolTimes, 0.50):F1}x the tool's run; after snmptrap exited: p50 {Percentile(afterExit, 0.50):F0} ms, p99 {Percentile(afterExit, 0.99):F0} ms)"));
    }

    private static void EngineCost()
    {
        using var dir = new TempDirectory("sonla-bench-engine");
        var clock = new BenchClock(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        var sites = Enumerable.Range(0, Sites).Select(i => new SiteOptions { Id = $"site-{i:0000}", Name = $"Xã {i}", District = $"Huyện {i % 12}" }).ToList();
        var evaluator = new AlertEvaluator(new AlertingOptions(), 30, new AlertStore(new StateDatabase(dir.File("state.db"))), null, null, sites, clock);
        foreach (var site in sites)
        {
            var hello = new Hello { SiteId = site.Id, BootId = "boot", SiteName = site.Name };
            hello.Devices.Add(new DeviceInfo { Name = "router", Role = "uplink", Host = "192.0.2.1" });
            hello.Devices.Add(new DeviceInfo { Name = "ups", Role = "ups", Host = "192.0.2.2" });
            evaluator.Connected(site.Id!, hello, clock.GetUtcNow());
        }

        var apply = new List<double>();
        var tick = new List<double>();
        var anchor = new List<double>();
        double sink = 0;
        for (var cycle = 0; cycle < Cycles + 3; cycle++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            var now = clock.GetUtcNow();
            var batches = sites.Select(s => Batch(s.Id!, now, (ulong)cycle)).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                foreach (var point in batch.Points)
                {
                    foreach (var (_, value) in point.Fields)
                    {
                        sink += value.Kind == LineValueKind.Double ? value.AsDouble : value.AsInteger;
                    }
                }
            }

            var read = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            foreach (var batch in batches)
            {
                evaluator.Activity(batch.SiteId, now);
                evaluator.Apply(batch);
            }

            var applied = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            evaluator.Tick();
            var ticked = watch.Elapsed.TotalMilliseconds;
            if (cycle >= 3)
            {
                apply.Add(applied);
                tick.Add(ticked);
                anchor.Add(read);
            }
        }

        apply.Sort();
        tick.Sort();
        anchor.Sort();
        var total = Percentile(apply, 0.5) + Percentile(tick, 0.5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alerts.engine: {Sites} sites, one poll each per cycle (device, 4 interfaces, ups, agent = 7 points): "
            + $"{total:F1} ms per cycle (apply batches {Percentile(apply, 0.5):F1} ms + tick {Percentile(tick, 0.5):F2} ms, medians of {Cycles}), "
            + $"{total * 1000 / Sites:F1} us per site; {evaluator.ActiveAlertCount} alerts open"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    (anchor: one plain read of every field of the same batches: {Percentile(anchor, 0.5):F2} ms; engine = {total / Math.Max(0.001, Percentile(anchor, 0.5)):F0}x){(sink == 42 ? " " : "")}"));
    }

    private static IngestedBatch Batch(string site, DateTimeOffset now, ulong sequence)
    {
        var ns = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        var points = new List<LinePoint>
        {
            Point("device", ns, [("device", "router")], ("reachable", LineValue.FromInteger(1)), ("response_ms", LineValue.FromDouble(3.2)), ("uptime_s", LineValue.FromInteger(86_400 + (long)sequence * 60))),
            Point("ups", ns, [("device", "ups")], ("on_battery", LineValue.FromInteger(0)), ("battery_percent", LineValue.FromDouble(100)), ("runtime_min", LineValue.FromDouble(45)), ("output_load_percent", LineValue.FromDouble(23))),
            Point("agent", ns, [], ("version", LineValue.FromString("1.0")), ("outbox_bytes", LineValue.FromInteger(0)), ("clock_offset_ms", LineValue.FromInteger(3))),
        };
        for (var i = 1; i <= 4; i++)
        {
            points.Add(Point("interface", ns, [("device", "router"), ("if_index", i.ToString(CultureInfo.InvariantCulture)), ("if_name", $"ge-0/0/{i}")],
                ("oper_status", LineValue.FromInteger(1)), ("admin_status", LineValue.FromInteger(1)), ("in_bps", LineValue.FromDouble(2_000_000)),
                ("out_bps", LineValue.FromDouble(1_000_000)), ("speed_bps", LineValue.FromInteger(100_000_000)),
                ("in_errors", LineValue.FromInteger((long)sequence)), ("out_errors", LineValue.FromInteger(0))));
        }

        return new IngestedBatch(site, "boot", sequence + 1, [], false, points, now);
    }

    private static LinePoint Point(string measurement, long ns, (string, string)[] tags, params (string, LineValue)[] fields) =>
        new(measurement, tags.Select(t => new KeyValuePair<string, string>(t.Item1, t.Item2)), fields.Select(f => new KeyValuePair<string, LineValue>(f.Item1, f.Item2)), ns);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>A clock the bench moves by hand (the engine reads time only through its TimeProvider).</summary>
    private sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

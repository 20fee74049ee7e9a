using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Grpc;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// Backlog drain: 24 hours of one site (5 devices × 10 interfaces, polled every 60 s: 7,200 batches, 79,200 points) a
/// day, <c>days</c> days of it per round (a site back after a long outage; phases of several seconds, so no single cache
/// snapshot of InfluxDB's decides a round), replayed as an agent sends a backlog (see <see cref="DrainLoad"/>: made before
/// timing, kept as bytes; the agent's CPU is not the collector's) through the real collector (in process, with the
/// collector's runtime settings, see <see cref="CollectorRuntime"/>; Kestrel h2c on loopback) into a real influxd. The
/// anchor, measured in the same run: InfluxDB's own ingest ceiling for the same points as 5,000-point line-protocol POSTs
/// straight to /write, with as many writers as the collector has writes in flight. Both write into the same database
/// (the collector's), each round as fresh series (its own site tag for each run), so neither overwrites the other and
/// both pay alike for what earlier rounds left in the shard (before, the ceiling alone got a fresh, empty database each
/// round while the drain's grew). Each timed run
/// starts after a 3 s pause, and rounds alternate which of the two runs first, so neither pays for InfluxDB's after-work
/// of the other. Besides the median of the rounds' ratios the summary gives the ratio of the totals (all rounds' points
/// over all rounds' seconds, each side).
/// </summary>
public static class DrainBench
{
    private const int PollsPerDay = 24 * 60;
    private const int Rounds = 5;
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);
    private const string TokenPrefix = "drain-bench-token-";
    private const string Database = "sonla_monitor";

    public static async Task RunAsync(int window, bool gzip, bool separateCores, int days)
    {
        var polls = days * PollsPerDay;
        await using var influx = await InfluxServer.StartAsync(Database);
        using var state = new TempDirectory("sonla-drain-bench");
        if (separateCores)
        {
            CoreSplit.Apply(influx.Pid!.Value);
        }

        var sites = Enumerable.Range(0, Rounds + 1).Select(r => r == 0 ? "drain-warmup" : "drain-" + r.ToString(CultureInfo.InvariantCulture)).ToList();
        var args = new List<string>
        {
            "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            "--Influx:Url=" + influx.Url,
            "--Influx:Database=" + Database,
            "--Logging:LogLevel:Default=Warning",
            // The collector's own state (alerts, users) in a temporary file, with a known admin password: nothing printed.
            "--State:Path=" + state.File("collector-state.db"),
            "--Auth:InitialAdminPassword=drain-bench-admin-password",
        };
        for (var i = 0; i < sites.Count; i++)
        {
            args.Add($"--Agents:{i}:SiteId={sites[i]}");
            args.Add($"--Agents:{i}:Token={TokenPrefix}{sites[i]}");
        }

        await using var collector = CollectorApp.Build([.. args]);
        await collector.StartAsync();
        var writers = collector.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxWritesInFlight;
        var address = new Uri(collector.Urls.Single());
        var stage = collector.Services.GetRequiredService<WriteCoalescer>();
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxSendMessageSize = null,
            CompressionProviders = [new PassThroughGzipProvider()],
        });
        var invoker = channel.CreateCallInvoker();
        using var http = new HttpClient { BaseAddress = new Uri(influx.Url), Timeout = TimeSpan.FromMinutes(2) };

        // Everything the rounds send is made now, as bytes: the protobuf objects of 6 days (millions of them) would
        // otherwise stay reachable through the rounds and every full GC of this process would trace them.
        var load = DrainLoad.Prepare(polls, sites, gzip);
        var points = load.Points;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain: {days} day(s) a round: {polls} polls x {DrainLoad.Devices} devices x {DrainLoad.InterfacesPerDevice} interfaces = {polls * DrainLoad.Devices} batches, {points} points; window {window}, gzip {(gzip ? "on" : "off")}, {writers} writes in flight"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  collector work per point (parse, convert, format; one thread): {load.CollectorWorkPerPoint.TotalMilliseconds * 1000:F2} us, {load.LineBytesPerPoint} bytes of line protocol"));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var ratios = new List<double>();
        TimeSpan drainTotal = default, ceilingTotal = default;
        for (var round = 0; round <= Rounds; round++)
        {
            var site = sites[round];
            var bodies = load.CeilingBodies[round];

            // InfluxDB works on after a burst (WAL, cache snapshots): whichever run came second would pay for the first.
            // So each timed run starts on a settled server, and the order alternates between rounds.
            var ceilingFirst = round % 2 == 1;
            TimeSpan ceiling = default, drain = default, ceilingCpu = default, drainCpu = default;
            WriteStageStatistics before = default!, after = default!;
            GcSnapshot gcBefore = default, gcDrain = default;
            for (var turn = 0; turn < 2; turn++)
            {
                await Task.Delay(SettleTime);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                if ((turn == 0) == ceilingFirst)
                {
                    ceiling = await CeilingAsync(http, Database, bodies, writers);
                    ceilingCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                }
                else
                {
                    before = stage.Statistics;
                    gcBefore = GcSnapshot.Take();
                    drain = await DrainAsync(invoker, site, load, window, gzip);
                    after = stage.Statistics;
                    gcDrain = GcSnapshot.Take() - gcBefore;
                    drainCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                }
            }

            await VerifyAsync(influx, site, points);
            await VerifyAsync(influx, CeilingSite(site), points);

            var ceilingRate = points / ceiling.TotalSeconds;
            var drainRate = points / drain.TotalSeconds;
            if (round == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  warm-up: drain {drain.TotalSeconds:F2} s, ceiling {ceiling.TotalSeconds:F2} s (not counted)"));
                continue;
            }

            // CPU of this process (agent emulation with gzip + collector) per point, against the bare poster's: the
            // drain shares the 2 cores with influxd, the ceiling run barely does.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    (CPU of agent + collector: {drainCpu.TotalMilliseconds * 1000 / points:F1} us a point; of the ceiling's poster: {ceilingCpu.TotalMilliseconds * 1000 / points:F1} us; during the drain {gcDrain.Describe(points, drain)})"));
            ratios.Add(drainRate / ceilingRate);
            drainTotal += drain;
            ceilingTotal += ceiling;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round} ({(ceilingFirst ? "ceiling first" : "drain first")}): drain {drain.TotalSeconds:F2} s = {drainRate:F0} points/s end-to-end; InfluxDB ceiling {ceiling.TotalSeconds:F2} s = {ceilingRate:F0} points/s; ratio {drainRate / ceilingRate:F2}; {after.Writes - before.Writes} writes of {points / Math.Max(1, after.Writes - before.Writes)} points, InfluxDB busy {(after.WriteTime - before.WriteTime).TotalSeconds / drain.TotalSeconds / writers:P0} of {writers} slots"));
        }

        var writesTotal = stage.Statistics;
        ratios.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain ({(separateCores ? "influxd on its own core, as on its own host" : "influxd and collector sharing every core")}): ratio of the totals {ceilingTotal / drainTotal:F2} of InfluxDB's ceiling (target >= 0.9; {Rounds} rounds: drain {drainTotal.TotalSeconds:F2} s, ceiling {ceilingTotal.TotalSeconds:F2} s), median of the rounds {ratios[ratios.Count / 2]:F2} ({string.Join(" ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}); a site's 24 h drains in {drainTotal.TotalSeconds / Rounds / days:F2} s; {writesTotal.BatchesWritten} batches in {writesTotal.Writes} InfluxDB writes"));
        await collector.StopAsync();
    }

    private static async Task<TimeSpan> CeilingAsync(HttpClient http, string database, List<byte[]> bodies, int writers)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[index]);
                using var response = await http.PostAsync($"/write?db={database}&precision=ns", content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"ceiling write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        return clock.Elapsed;
    }

    // The agent's Connect call with its messages already serialized and gzip'd: the agent's CPU (protobuf, gzip) is spent on
    // another machine in the field, so here the bench's client does as little as it can and the 2 cores go to the
    // collector and influxd. The collector sees exactly what an agent sends (gzip'd when gzip is on).
    private static readonly Method<byte[], CollectorMessage> RawConnect = new(MethodType.DuplexStreaming, "sonla.monitor.v1.AgentGateway", "Connect",
        Marshallers.Create(bytes => bytes, bytes => bytes), Marshallers.Create(m => m.ToByteArray(), CollectorMessage.Parser.ParseFrom));

    // As the agent's uplink: Hello, then batches oldest first with at most `window` unanswered; done when all are acknowledged.
    private static async Task<TimeSpan> DrainAsync(CallInvoker invoker, string site, DrainLoad load, int window, bool gzip)
    {
        var headers = new Metadata { { "authorization", "Bearer " + TokenPrefix + site } };
        if (gzip)
        {
            headers.Add("grpc-internal-encoding-request", "gzip");
        }

        var messages = load.Messages;
        using var call = invoker.AsyncDuplexStreamingCall(RawConnect, null, new CallOptions(headers));
        var hello = new AgentMessage { Hello = new Hello { SiteId = site, AgentVersion = "bench", BootId = load.BootId } }.ToByteArray();
        await call.RequestStream.WriteAsync(gzip ? PassThroughGzipProvider.Compress(hello) : hello);
        if (!await call.ResponseStream.MoveNext(CancellationToken.None) || call.ResponseStream.Current.KindCase != CollectorMessage.KindOneofCase.Welcome)
        {
            throw new InvalidOperationException("no Welcome");
        }

        using var slots = new SemaphoreSlim(window, window);
        var clock = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            for (var answered = 0; answered < messages.Count; answered++)
            {
                if (!await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    throw new InvalidOperationException("stream ended early");
                }

                if (call.ResponseStream.Current.KindCase != CollectorMessage.KindOneofCase.Ack)
                {
                    throw new InvalidOperationException("not acknowledged: " + call.ResponseStream.Current);
                }

                slots.Release();
            }
        });

        foreach (var message in messages)
        {
            await slots.WaitAsync();
            await call.RequestStream.WriteAsync(message);
        }

        await reader;
        var elapsed = clock.Elapsed;
        await call.RequestStream.CompleteAsync();
        return elapsed;
    }

    /// <summary>The site tag of the ceiling's points in the round whose drain uses <paramref name="site"/>.</summary>
    public static string CeilingSite(string site) => "ceiling-" + site;

    private static async Task VerifyAsync(InfluxServer influx, string site, int points)
    {
        var stored = await influx.QueryRowsAsync($"SELECT count(in_octets) FROM interface WHERE site = '{site}'");
        var devices = await influx.QueryRowsAsync($"SELECT count(reachable) FROM device WHERE site = '{site}'");
        var total = stored.Single()["count"].GetInt64() + devices.Single()["count"].GetInt64();
        if (total != points)
        {
            throw new InvalidOperationException($"{site}: {total} of {points} points stored");
        }
    }
}

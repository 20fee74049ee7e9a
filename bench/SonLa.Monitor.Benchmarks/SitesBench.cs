using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SonLa.Monitor.Collector;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// sites: the dashboard's figures with a province of 3,300 sites.
/// (1) <c>GET /api/sites</c>: the real collector (in process, Kestrel on loopback, a real influxd behind it) with 3,300
/// sites in its inventory, made live by 3,200 emulated agent streams over gRPC (h2c; each said Hello with three devices
/// and sent one poll), some of them gone again, some with a device unreachable or the uplink down, some never seen. Signed
/// in as admin (cookie), N sequential GETs after a warm-up: median, p99, answer size (bytes and gzip'd). The anchor, in
/// the same run and the same way: <c>GET /healthz</c> (no login, a few bytes); rounds alternate the two.
/// (2) The web UI's first load in headless Chromium, against the same collector (<see cref="UiLoadBench"/>).
/// </summary>
internal static class SitesBench
{
    private const int SiteCount = 3300;
    private const int Requests = 500;
    private const int Rounds = 5;
    private const int WarmUp = 50;
    private const string AdminPassword = "sites-bench-admin-password";
    public const string AnchorPath = "/bench/anchor.html";

    // A minimal page for the UI bench's anchor: text, no script, no style sheet.
    private const string AnchorHtml = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sơn La</title></head>"
        + "<body><h1>Giám sát mạng Sơn La</h1><p>Trang tĩnh tối thiểu (mốc so sánh).</p></body></html>";

    public static async Task RunAsync()
    {
        await using var influx = await InfluxServer.StartAsync("sonla_monitor");
        using var state = new TempDirectory("sonla-sites-bench");
        await using var fleet = BenchSiteFleet.Create(SiteCount);
        var grpc = new Uri($"http://127.0.0.1:{FreePort.Tcp()}");
        var http = new Uri($"http://127.0.0.1:{FreePort.Tcp()}");
        var args = new List<string>
        {
            $"--Kestrel:Endpoints:Grpc:Url={grpc}", "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            $"--Kestrel:Endpoints:Http:Url={http}", "--Kestrel:Endpoints:Http:Protocols=Http1",
            $"--Influx:Url={influx.Url}", "--Influx:Version=1", $"--Influx:Database={influx.Database}",
            $"--State:Path={state.File("collector-state.db")}", $"--Auth:InitialAdminPassword={AdminPassword}",
            // The emulated agents say Hello and one batch, then stay silent: no heartbeat is due within the bench.
            "--Ingest:HeartbeatIntervalSeconds=3600",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange(fleet.CollectorArgs());

        await using var collector = CollectorApp.Build([.. args]);
        collector.MapGet(AnchorPath, () => Results.Content(AnchorHtml, "text/html; charset=utf-8")).AllowAnonymous();
        await collector.StartAsync();

        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var connect = Stopwatch.StartNew();
        await fleet.ConnectAsync(grpc);
        connect.Stop();
        var live = fleet.Sites.Count(s => s.Part is not (BenchSitePart.NeverConnected or BenchSitePart.Disconnected));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sites: {SiteCount} sites in the inventory ({fleet.Sites.Select(s => s.District).Distinct().Count()} districts); {live} agent streams open "
            + $"(Hello, Welcome, one batch, Ack) in {connect.Elapsed.TotalSeconds:F1} s; this process (collector + emulated agents) grew by "
            + $"{(Process.GetCurrentProcess().WorkingSet64 - memoryBefore) / 1048576.0:F0} MB"));

        using var client = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { BaseAddress = http, Timeout = TimeSpan.FromSeconds(30) };
        using (var login = await client.PostAsJsonAsync("/api/login", new { user = "admin", password = AdminPassword }))
        {
            if (!login.IsSuccessStatusCode)
            {
                Console.WriteLine($"sites: POST /api/login answered {(int)login.StatusCode}: nothing measured");
                return;
            }
        }

        if (!await SitesShownAsync(client, fleet))
        {
            return;
        }

        await MeasureAsync(client);
        if (fleet.EndedEarly > 0)
        {
            Console.WriteLine($"    ({fleet.EndedEarly} agent streams ended during the measurement: the figures above are not for {live} live sites)");
        }

        await UiLoadBench.RunAsync(http, AdminPassword, SiteCount);
    }

    /// <summary>Waits until /api/sites shows every site with the status its part calls for; says what differs if not.</summary>
    private static async Task<bool> SitesShownAsync(HttpClient client, BenchSiteFleet fleet)
    {
        var expected = fleet.Sites.ToDictionary(s => s.Id, s => s.ExpectedStatus);
        var deadline = Stopwatch.StartNew();
        string differences;
        while (true)
        {
            using var response = await client.GetAsync("/api/sites");
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"sites: GET /api/sites answered {(int)response.StatusCode}: not measured");
                return false;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var shown = document.RootElement.GetProperty("sites").EnumerateArray()
                .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("status").GetString() ?? "?");
            var wrong = expected.Where(e => shown.GetValueOrDefault(e.Key) != e.Value).ToList();
            differences = string.Join(", ", wrong.GroupBy(w => (w.Value, shown.GetValueOrDefault(w.Key) ?? "missing"))
                .Select(g => $"{g.Count()} expected {g.Key.Value} shown {g.Key.Item2}"));
            if (wrong.Count == 0 || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                var counts = document.RootElement.GetProperty("counts");
                Console.WriteLine($"    /api/sites shows {shown.Count} sites: {counts}" + (wrong.Count == 0
                    ? " — every one as expected"
                    : $" — {wrong.Count} not as expected after 30 s ({differences}); measured anyway"));
                return true;
            }

            await Task.Delay(500);
        }
    }

    private static async Task MeasureAsync(HttpClient client)
    {
        var (body, _) = await GetAsync(client, "/api/sites", null);
        var gzip = Gzip(body);
        // What the server itself sends to a browser that accepts compression (identity if it does not compress).
        var (wire, encoding) = await GetAsync(client, "/api/sites", "br, gzip");
        for (var i = 0; i < WarmUp; i++)
        {
            await GetAsync(client, "/api/sites", null);
            await GetAsync(client, "/healthz", null);
        }

        var sites = new List<double>();
        var health = new List<double>();
        // CPU time of this whole process (server and client side of each request, and whatever else runs in it
        // meanwhile): steadier than wall time on a shared machine.
        var cpu = new Dictionary<string, TimeSpan> { ["/api/sites"] = TimeSpan.Zero, ["/healthz"] = TimeSpan.Zero };
        using var self = Process.GetCurrentProcess();
        var perRound = Requests / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            // Alternate which goes first, so neither always runs right after the other's garbage.
            var first = round % 2 == 0 ? ("/api/sites", sites) : ("/healthz", health);
            var second = round % 2 == 0 ? ("/healthz", health) : ("/api/sites", sites);
            foreach (var (path, times) in new[] { first, second })
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                for (var i = 0; i < perRound; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await GetAsync(client, path, null);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                self.Refresh();
                cpu[path] += self.TotalProcessorTime - cpuBefore;
            }
        }

        sites.Sort();
        health.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sites.api: GET /api/sites, {sites.Count} sequential requests (cookie session, one connection): median {Percentile(sites, 0.5):F1} ms, "
            + $"p99 {Percentile(sites, 0.99):F1} ms, max {sites[^1]:F1} ms; answer {body.Length / 1024.0:F0} KB "
            + $"({body.Length / SiteCount} bytes a site), gzip'd {gzip / 1024.0:F0} KB; served to 'Accept-Encoding: br, gzip' as "
            + $"{encoding ?? "identity"}, {wire.Length / 1024.0:F0} KB; CPU {cpu["/api/sites"].TotalMilliseconds / sites.Count:F1} ms a request"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    (anchor: GET /healthz the same way: median {Percentile(health, 0.5):F2} ms, p99 {Percentile(health, 0.99):F2} ms, "
            + $"CPU {cpu["/healthz"].TotalMilliseconds / health.Count:F2} ms a request; /api/sites median = {Percentile(sites, 0.5) / Percentile(health, 0.5):F0}x /healthz's, "
            + $"CPU = {cpu["/api/sites"].TotalMilliseconds / Math.Max(0.001, cpu["/healthz"].TotalMilliseconds):F0}x)"));
    }

    private static async Task<(byte[] Body, string? Encoding)> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return (body, response.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    private static long Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.Length;
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

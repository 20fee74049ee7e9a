using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// The web UI's first load in headless Chromium (Debian's /usr/bin/chromium driven by Microsoft.Playwright), signed in,
/// each run in a fresh browser context (empty cache): bytes on the wire for the page and every asset it loads (the
/// browser's own resource timing: encoded body sizes, so compressed when the server compresses; the API's JSON apart),
/// first-contentful-paint of <c>/</c>, and the time until the status grid shows its first site tile and all of them.
/// The anchor, measured the same way in alternate runs: FCP of a minimal static HTML page served by the same collector.
/// </summary>
internal static class UiLoadBench
{
    private const int Runs = 5;
    private const double TargetKilobytes = 300;

    // Set before any page script runs: watches (once a frame) for the grid's site tiles ([data-site], one per site).
    private const string GridWatch = """
        (() => {
          const expected = EXPECTED;
          const tick = () => {
            const n = document.querySelectorAll('[data-site]').length;
            if (n > 0 && window.__firstTileAt === undefined) { window.__firstTileAt = performance.now(); }
            window.__tiles = n;
            if (n >= expected) { window.__allTilesAt = performance.now(); return; }
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        })();
        """;

    private const string Timings = """
        () => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const nav = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource').map(r => ({
            name: r.name, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize, end: r.responseEnd }));
          return JSON.stringify({
            fcp: fcp ? fcp.startTime : -1,
            firstTile: window.__firstTileAt ?? -1, allTiles: window.__allTilesAt ?? -1, tiles: window.__tiles ?? 0,
            page: { name: nav.name, transfer: nav.transferSize, encoded: nav.encodedBodySize, decoded: nav.decodedBodySize, end: nav.responseEnd },
            resources });
        }
        """;

    public static async Task RunAsync(Uri http, string adminPassword, int siteCount)
    {
        IPlaywright playwright;
        try
        {
            playwright = await Playwright.CreateAsync();
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException)
        {
            Console.WriteLine($"sites.ui: Playwright could not start ({ex.Message.ReplaceLineEndings(" ")}): not measured");
            return;
        }

        using (playwright)
        {
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });

            var ui = new List<Load>();
            var anchor = new List<Load>();
            // One unmeasured run each first: Chromium's own first start (fonts, code caches) is not the page's cost.
            for (var run = -1; run < Runs; run++)
            {
                var uiLoad = await LoadAsync(browser, http, "/", adminPassword, siteCount);
                var anchorLoad = await LoadAsync(browser, http, SitesBench.AnchorPath, null, 0);
                if (run >= 0)
                {
                    ui.Add(uiLoad);
                    anchor.Add(anchorLoad);
                }
            }

            Report(ui, anchor, siteCount);
        }
    }

    private static async Task<Load> LoadAsync(IBrowser browser, Uri http, string path, string? adminPassword, int siteCount)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = http.ToString() });
        if (adminPassword is not null)
        {
            // The context's request API shares its cookie jar: the page opens signed in, as after the login form.
            var login = await context.APIRequest.PostAsync("/api/login", new APIRequestContextOptions
            {
                DataObject = new { user = "admin", password = adminPassword },
            });
            if (!login.Ok)
            {
                throw new InvalidOperationException($"POST /api/login from the browser context answered {login.Status}");
            }

            await context.AddInitScriptAsync(GridWatch.Replace("EXPECTED", siteCount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (adminPassword is not null)
        {
            try
            {
                await page.WaitForFunctionAsync("() => window.__allTilesAt !== undefined", null,
                    new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 50 });
            }
            catch (TimeoutException)
            {
                // Reported as "not all tiles shown" below.
            }
        }
        else
        {
            await page.WaitForFunctionAsync("() => performance.getEntriesByName('first-contentful-paint').length > 0", null,
                new PageWaitForFunctionOptions { Timeout = 10_000 });
        }

        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(Timings));
        var root = json.RootElement;
        var resources = root.GetProperty("resources").EnumerateArray().Select(r => new Resource(
            r.GetProperty("name").GetString() ?? "", r.GetProperty("transfer").GetDouble(), r.GetProperty("encoded").GetDouble(),
            r.GetProperty("decoded").GetDouble(), r.GetProperty("end").GetDouble())).ToList();
        var pageEntry = root.GetProperty("page");
        resources.Insert(0, new Resource(pageEntry.GetProperty("name").GetString() ?? path, pageEntry.GetProperty("transfer").GetDouble(),
            pageEntry.GetProperty("encoded").GetDouble(), pageEntry.GetProperty("decoded").GetDouble(), pageEntry.GetProperty("end").GetDouble()));
        return new Load(root.GetProperty("fcp").GetDouble(), root.GetProperty("firstTile").GetDouble(), root.GetProperty("allTiles").GetDouble(),
            root.GetProperty("tiles").GetInt32(), resources);
    }

    private static void Report(List<Load> ui, List<Load> anchor, int siteCount)
    {
        var last = ui[^1];
        var isApi = (Resource r) => new Uri(r.Name).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal);
        var assets = last.Resources.Where(r => !isApi(r)).ToList();
        var api = last.Resources.Where(isApi).ToList();
        var assetKb = assets.Sum(r => r.Encoded) / 1024;
        var assetTransferKb = assets.Sum(r => r.Transfer) / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sites.ui: first load of / (signed in, empty cache): {assets.Count} files (page and assets), {assetKb:F1} KB on the wire "
            + $"(bodies as sent; {assetTransferKb:F1} KB with headers; {assets.Sum(r => r.Decoded) / 1024:F1} KB uncompressed) — "
            + $"target <= {TargetKilobytes:F0} KB: {(assetKb <= TargetKilobytes ? "met" : "NOT met")}; "
            + $"plus API data {api.Sum(r => r.Encoded) / 1024:F1} KB ({string.Join(", ", api.Select(r => new Uri(r.Name).AbsolutePath).Distinct())})"));
        Console.WriteLine("    files (KB on the wire/uncompressed): " + string.Join(", ", assets.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{FileName(r)} {r.Encoded / 1024:F1}/{r.Decoded / 1024:F1}"))));

        var fcp = Sorted(ui.Select(l => l.Fcp));
        var firstTile = Sorted(ui.Select(l => l.FirstTile));
        var allTiles = Sorted(ui.Select(l => l.AllTiles));
        var anchorFcp = Sorted(anchor.Select(l => l.Fcp));
        var everyTile = ui.All(l => l.AllTiles >= 0);
        // When the browser had the /api/sites answer: what the grid waits for before it can draw.
        var sitesAnswered = Sorted(ui.Select(l => l.Resources.Where(r => new Uri(r.Name).AbsolutePath == "/api/sites").Select(r => r.End).DefaultIfEmpty(-1).Max()));
        var grid = everyTile
            ? string.Create(CultureInfo.InvariantCulture, $"all {siteCount} tiles {Median(allTiles):F0} ms (range {allTiles[0]:F0}–{allTiles[^1]:F0})")
            : string.Create(CultureInfo.InvariantCulture, $"NOT all tiles shown within 30 s (at most {ui.Max(l => l.Tiles)} [data-site] tiles)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sites.ui: headless Chromium, {siteCount} sites, median of {ui.Count} fresh loads: first-contentful-paint {Median(fcp):F0} ms "
            + $"(range {fcp[0]:F0}–{fcp[^1]:F0}); /api/sites answer received {Median(sitesAnswered):F0} ms; first site tile {Median(firstTile):F0} ms; {grid}"));
        var gridRatio = everyTile ? Median(allTiles) / Math.Max(1, Median(anchorFcp)) : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    (anchor: FCP of a minimal static page from the same collector: median {Median(anchorFcp):F0} ms (range {anchorFcp[0]:F0}–{anchorFcp[^1]:F0}); "
            + $"UI FCP = {Median(fcp) / Math.Max(1, Median(anchorFcp)):F1}x, grid complete = {gridRatio:F1}x)"));
    }

    private static string FileName(Resource resource)
    {
        var path = new Uri(resource.Name).AbsolutePath;
        return path == "/" ? "/" : path.Split('/')[^1];
    }

    private static List<double> Sorted(IEnumerable<double> values)
    {
        var list = values.ToList();
        list.Sort();
        return list;
    }

    private static double Median(List<double> sorted) => SitesBench.Percentile(sorted, 0.5);

    private sealed record Resource(string Name, double Transfer, double Encoded, double Decoded, double End);

    private sealed record Load(double Fcp, double FirstTile, double AllTiles, int Tiles, List<Resource> Resources);
}

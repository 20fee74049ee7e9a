using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SonLa.Monitor.EndToEnd.Tests.Alerts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>The web UI in headless Chromium against the real stack: what a NOC operator sees and can reach.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private const string AppName = "Giám sát mạng Sơn La";

    private AlertStack Stack => fixture.Stack;

    [Fact]
    public async Task Login_GridWithVietnameseNames_SiteShowsInterfacesAndAChart()
    {
        await using var browser = await BrowserSession.StartAsync(Stack.CollectorHttpUrl);
        var page = browser.Page;
        await browser.LoginAsync("admin", AlertStack.AdminPassword);

        await Expect(page).ToHaveTitleAsync($"Tổng quan tỉnh — {AppName}");
        await Expect(Tile(page, AlertStack.SiteId).Locator(".tile-name")).ToHaveTextAsync(AlertStack.SiteName);
        foreach (var (id, name, district) in DashboardSites.Others)
        {
            await Expect(Tile(page, id).Locator(".tile-name")).ToHaveTextAsync(name);
            await Expect(Tile(page, id)).ToHaveAttributeAsync("data-status", "unknown");
            await Expect(page.Locator(".district h2", new() { HasText = district })).ToBeVisibleAsync();
        }

        await Expect(page.Locator(".district h2", new() { HasText = "Thành phố Sơn La" })).ToBeVisibleAsync();
        // The agent runs: connected, so ok or degraded (a self-check item may fail in this sandbox), never down.
        await Expect(Tile(page, AlertStack.SiteId)).ToHaveAttributeAsync("data-status", ConnectedStatus());
        await Expect(page.Locator(".count-unknown .count-value")).ToHaveTextAsync(DashboardSites.Others.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Tile(page, "muong-bu").Locator(".badge")).ToHaveTextAsync(new Regex("Chưa rõ"));
        output.WriteLine(await browser.ScreenshotAsync("overview"));

        await Tile(page, AlertStack.SiteId).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sites/chieng-coi$"));
        await Expect(page).ToHaveTitleAsync($"{AlertStack.SiteName} — {AppName}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(AlertStack.SiteName);
        var router = page.Locator("[data-device=router]");
        await Expect(router.Locator("table.interfaces th[scope=row]", new() { HasText = "ge-0/0/1" })).ToBeVisibleAsync();
        await Expect(router.Locator("table.interfaces tr[data-if-index='1'] td").Nth(2)).ToHaveTextAsync(new Regex("bật"));
        await Expect(page.Locator("[data-device=ups] .ups")).ToContainTextAsync("điện lưới");

        var chart = page.Locator("img.chart").First;
        await Expect(chart).ToHaveAttributeAsync("src", new Regex("/charts/traffic\\.svg\\?range=1h&device=router&if_index=1&lang=vi"));
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.chart'); return i && i.complete && i.naturalWidth > 0; }");
        var src = await chart.GetAttributeAsync("src");
        var answer = await browser.Context.APIRequest.GetAsync(src!);
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("image/svg+xml", answer.Headers["content-type"], StringComparison.Ordinal);
        output.WriteLine(await browser.ScreenshotAsync("site"));

        await Expect(page.Locator(".site-head")).ToContainTextAsync("Đường truyền: tốt");
        // Admin: ask the connected agent for a self-check now (202 from the collector).
        await page.GetByRole(AriaRole.Button, new() { Name = "Chạy tự kiểm tra ngay" }).ClickAsync();
        await Expect(page.Locator("#site-selfcheck .note")).ToHaveTextAsync(new Regex("Đã yêu cầu agent tự kiểm tra"));

        await page.GetByRole(AriaRole.Button, new() { Name = "7 ngày" }).ClickAsync();
        await Expect(chart).ToHaveAttributeAsync("src", new Regex("range=7d"));
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheSite_FilterAndSortWork()
    {
        await using var browser = await BrowserSession.StartAsync(Stack.CollectorHttpUrl);
        var page = browser.Page;
        await browser.LoginAsync("admin", AlertStack.AdminPassword);
        var tiles = page.Locator("#site-groups .tile");
        await Expect(tiles).ToHaveCountAsync(DashboardSites.Others.Count + 1);

        await page.GetByLabel("Tìm xã").FillAsync("chieng coi");
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.Locator(".tile-name")).ToHaveTextAsync(AlertStack.SiteName);

        await page.GetByLabel("Tìm xã").FillAsync("DONG SANG");
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.Locator(".tile-name")).ToHaveTextAsync("Xã Đông Sang");

        await page.GetByLabel("Tìm xã").FillAsync("");
        await page.GetByLabel("Trạng thái", new() { Exact = true }).SelectOptionAsync("unknown");
        await Expect(tiles).ToHaveCountAsync(DashboardSites.Others.Count);
        await page.GetByLabel("Trạng thái", new() { Exact = true }).SelectOptionAsync("");
        await page.Locator(".count-unknown").ClickAsync();
        await Expect(tiles).ToHaveCountAsync(DashboardSites.Others.Count);
        await Expect(page.Locator(".count-unknown")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Locator(".count-unknown").ClickAsync();
        await Expect(tiles).ToHaveCountAsync(DashboardSites.Others.Count + 1);

        // Worst first: districts ordered by their worst site, sites by status inside each; the choice is kept in the URL.
        await page.GetByLabel("Sắp xếp").SelectOptionAsync("status");
        await Expect(page).ToHaveURLAsync(new Regex("sort=status"));
        var ranks = await page.EvaluateAsync<int[][]>("""
            () => [...document.querySelectorAll("#site-groups .district")].map(d =>
              [...d.querySelectorAll("[data-site]")].map(t => ({ down: 0, degraded: 1, unknown: 2, ok: 3 })[t.dataset.status]))
            """);
        Assert.True(ranks.All(r => r.SequenceEqual(r.Order())), string.Join(" | ", ranks.Select(r => string.Join(",", r))));
        Assert.True(ranks.Select(r => r[0]).SequenceEqual(ranks.Select(r => r[0]).Order()), string.Join(" | ", ranks.Select(r => string.Join(",", r))));
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Sắp xếp")).ToHaveValueAsync("status");
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task EnglishSwitch_IsRemembered_AndPhoneScreenHasNoHorizontalScroll()
    {
        await using (var browser = await BrowserSession.StartAsync(Stack.CollectorHttpUrl))
        {
            var page = browser.Page;
            await browser.LoginAsync("admin", AlertStack.AdminPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Sites");
            await Expect(page).ToHaveTitleAsync("Province overview — Son La network monitor");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alerts" })).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Search sites")).ToBeVisibleAsync();
            await Expect(Tile(page, "muong-bu").Locator(".badge")).ToHaveTextAsync(new Regex("Unknown"));

            await page.ReloadAsync();
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Sites");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Tình trạng các xã");
        }

        await using (var phone = await BrowserSession.StartAsync(Stack.CollectorHttpUrl, width: 375, height: 740))
        {
            var page = phone.Page;
            await phone.LoginAsync("admin", AlertStack.AdminPassword);
            await Expect(Tile(page, AlertStack.SiteId)).ToBeVisibleAsync();
            Assert.Equal(0, await PageChecks.HorizontalOverflowAsync(page));
            output.WriteLine(await phone.ScreenshotAsync("phone-overview"));

            await Tile(page, AlertStack.SiteId).ClickAsync();
            await Expect(page.Locator("table.interfaces").First).ToBeVisibleAsync();
            Assert.Equal(0, await PageChecks.HorizontalOverflowAsync(page));
            output.WriteLine(await phone.ScreenshotAsync("phone-site"));
            Assert.Empty(phone.PageErrors);
        }
    }

    private static ILocator Tile(IPage page, string siteId) => page.Locator($"a.tile[data-site='{siteId}']");

    private static Regex ConnectedStatus() => new("^(ok|degraded)$");
}

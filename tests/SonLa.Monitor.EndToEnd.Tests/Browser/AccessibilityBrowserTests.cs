using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SonLa.Monitor.EndToEnd.Tests.Alerts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>Accessibility basics, measured in the browser: titles, labels, contrast, landmarks, keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(DashboardFixture fixture, ITestOutputHelper output)
{
    /// <summary>WCAG 2 AA for normal text; status texts are small, so no large-text allowance.</summary>
    private const double MinimumContrast = 4.5;

    private const string StatusTexts =
        ".badge, .count, .tile-name, .tile-meta, .severity, .state, .if-state, .reach, .check-status, .acknowledged, .muted, .live-state, .error, .nav a, .who";

    [Fact]
    public async Task EveryView_HasATitleLabelledInputsContrastAndLandmarks()
    {
        await using var browser = await BrowserSession.StartAsync(fixture.Stack.CollectorHttpUrl);
        var page = browser.Page;
        var titles = new List<string>();

        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync(new Regex("^Đăng nhập — "));
        titles.Add(await page.TitleAsync());
        await CheckViewAsync(page, "login");

        await browser.LoginAsync("admin", AlertStack.AdminPassword);
        await Expect(page).ToHaveTitleAsync(new Regex("^Tổng quan tỉnh — "));
        titles.Add(await page.TitleAsync());
        await CheckViewAsync(page, "overview");

        await page.GotoAsync("/sites/chieng-coi");
        await Expect(page.Locator("table.interfaces").First).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Xã Chiềng Cơi — "));
        titles.Add(await page.TitleAsync());
        await CheckViewAsync(page, "site");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cảnh báo" }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Cảnh báo — "));
        await Expect(page.Locator("#alert-list")).Not.ToBeEmptyAsync();
        titles.Add(await page.TitleAsync());
        await CheckViewAsync(page, "alerts");

        Assert.Equal(titles.Count, titles.Distinct().Count());
        output.WriteLine(string.Join("\n", titles));
    }

    [Fact]
    public async Task Keyboard_SkipLinkThenSearchThenATile_EnterOpensTheSite()
    {
        await using var browser = await BrowserSession.StartAsync(fixture.Stack.CollectorHttpUrl);
        var page = browser.Page;
        await browser.LoginAsync("admin", AlertStack.AdminPassword);
        await page.ReloadAsync();
        await Expect(page.Locator("#site-groups .tile").First).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await ActiveAsync(page, "className"));
        await Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        Assert.True(await HasVisibleFocusAsync(page), "the focused skip link shows no focus outline");

        await TabUntilAsync(page, "el => el.id === 'site-search'", "the search box");
        await page.Keyboard.TypeAsync("muong bu");
        await Expect(page.Locator("#site-groups .tile")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Backspace");
        await Expect(page.Locator("#site-groups .tile")).ToHaveCountAsync(DashboardSites.Others.Count + 1);

        await TabUntilAsync(page, "el => el.classList.contains('tile') && el.dataset.site === 'chieng-coi'", "the tile of Xã Chiềng Cơi");
        Assert.True(await HasVisibleFocusAsync(page), "the focused tile shows no focus outline");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/sites/chieng-coi$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync(AlertStack.SiteName);
    }

    private async Task CheckViewAsync(IPage page, string view)
    {
        Assert.True(await page.Locator("header").CountAsync() == 1 && await page.Locator("main").CountAsync() == 1, $"{view}: landmarks");
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
        Assert.Equal(1, await page.Locator("[aria-live]").CountAsync());
        var unlabelled = await PageChecks.UnlabelledInputsAsync(page);
        Assert.True(unlabelled.Count == 0, $"{view}: inputs without a label: {string.Join(" ", unlabelled)}");
        var readings = await PageChecks.ContrastAsync(page, StatusTexts);
        foreach (var reading in readings)
        {
            output.WriteLine($"{view}: {reading.Ratio:F2} {reading.Element} \"{reading.Text}\"");
        }

        var poor = readings.Where(r => r.Ratio < MinimumContrast).ToList();
        Assert.True(poor.Count == 0, $"{view}: contrast below {MinimumContrast}: {string.Join("; ", poor)}");
    }

    private static Task<string> ActiveAsync(IPage page, string property) =>
        page.EvaluateAsync<string>($"() => String(document.activeElement?.{property} ?? '')");

    private static Task<bool> HasVisibleFocusAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }");

    private static async Task TabUntilAsync(IPage page, string predicate, string what)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await page.EvaluateAsync<bool>($"() => ({predicate})(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {what}; focus is on {await ActiveAsync(page, "outerHTML")}");
    }
}

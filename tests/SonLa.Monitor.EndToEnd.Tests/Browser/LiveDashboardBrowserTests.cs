using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SonLa.Monitor.EndToEnd.Tests.Alerts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// Changes the stack (a port goes down, the agent is killed), so it has a stack of its own: the alert is
/// acknowledged in the UI, the site's tile turns red without a reload, and the operator logs out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDashboardBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LinkDownAcknowledged_AgentKilledTileTurnsRedLive_LogoutBackAtLogin()
    {
        await using var stack = await AlertStack.StartAsync();
        await using var browser = await BrowserSession.StartAsync(stack.CollectorHttpUrl);
        var page = browser.Page;
        await browser.LoginAsync("admin", AlertStack.AdminPassword);

        // A LAN port goes down: a link_down alert, shown on the alerts page (live, no reload) with an acknowledge button.
        stack.SetInterfaces(i => i.Index == 2 ? i with { OperStatus = 2 } : i);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cảnh báo" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/alerts$"));
        var row = page.Locator("tr.alert-row", new() { HasText = "lan2" }).Filter(new() { Has = page.Locator("button[data-action=ack]") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".severity")).Not.ToBeEmptyAsync();
        await Expect(row.Locator(".state")).ToHaveTextAsync(new Regex("Đang xảy ra|Mới phát hiện"));

        await row.Locator("button[data-action=ack]").ClickAsync();
        await page.GetByLabel("Ghi chú (không bắt buộc)").FillAsync("Đã báo kỹ thuật viên xã");
        Assert.Empty(await PageChecks.UnlabelledInputsAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận cảnh báo" }).ClickAsync();
        var acknowledged = page.Locator("tr.alert-row", new() { HasText = "lan2" }).Locator(".acknowledged");
        await Expect(acknowledged).ToContainTextAsync("Đã xác nhận bởi admin");
        await Expect(page.Locator("tr.alert-row", new() { HasText = "lan2" }).Locator(".ack-comment")).ToContainTextAsync("Đã báo kỹ thuật viên xã");
        output.WriteLine(await browser.ScreenshotAsync("alerts"));

        // The acknowledgement is the server's, not only the page's.
        await page.ReloadAsync();
        await Expect(page.Locator("tr.alert-row", new() { HasText = "lan2" }).Locator(".acknowledged")).ToContainTextAsync("admin");

        // The overview, then the agent dies: the tile turns red in the same page, without a reload.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổng quan" }).ClickAsync();
        var tile = page.Locator($"a.tile[data-site='{AlertStack.SiteId}']");
        await Expect(tile).ToHaveAttributeAsync("data-status", new Regex("^(ok|degraded)$"));
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        stack.KillAgent();
        await Expect(tile).ToHaveAttributeAsync("data-status", "down");
        await Expect(tile.Locator(".badge")).ToHaveTextAsync(new Regex("Mất kết nối"));
        await Expect(page.Locator(".count-down .count-value")).ToHaveTextAsync("1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Xã Chiềng Cơi: Mất kết nối");
        output.WriteLine(await browser.ScreenshotAsync("site-down"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeVisibleAsync();
        var me = await browser.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal(401, me.Status);
        Assert.Empty(browser.PageErrors);
    }
}

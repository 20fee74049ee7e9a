using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SonLa.Monitor.EndToEnd.Tests.Alerts;
using static Microsoft.Playwright.Assertions;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>A commune's own login: first password changed in the UI, then only its own site, and no admin buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteUserBrowserTests(DashboardFixture fixture)
{
    private const string UserName = "can-bo-chieng-coi";
    private const string FirstPassword = "mat-khau-tam-thoi-2026";
    private const string NewPassword = "mat-khau-moi-cua-xa-2026";

    [Fact]
    public async Task SiteUser_ChangesTheFirstPassword_ThenSeesOnlyItsSite_WithoutAdminButtons()
    {
        using (var admin = await fixture.Stack.AdminSessionAsync())
        {
            using var created = await admin.PostAsync("/api/users", AlertStack.Json(new
            {
                name = UserName, role = "site", site = AlertStack.SiteId, password = FirstPassword,
            }));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await using var browser = await BrowserSession.StartAsync(fixture.Stack.CollectorHttpUrl);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("Tên đăng nhập").FillAsync(UserName);
        await page.GetByLabel("Mật khẩu").FillAsync(FirstPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Expect(page).ToHaveTitleAsync(new Regex("^Đổi mật khẩu — "));
        Assert.Empty(await PageChecks.UnlabelledInputsAsync(page));
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(FirstPassword);
        await page.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();

        var tiles = page.Locator("#site-groups .tile");
        await Expect(tiles).ToHaveCountAsync(1);
        await Expect(tiles.Locator(".tile-name")).ToHaveTextAsync(AlertStack.SiteName);
        await Expect(page.Locator("#who")).ToHaveTextAsync($"Đăng nhập: {UserName} (xã)");

        await tiles.ClickAsync();
        await Expect(page.Locator("table.interfaces").First).ToBeVisibleAsync();
        await Expect(page.Locator("#site-selfcheck h2, #h-selfcheck")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#run-selfcheck")).ToHaveCountAsync(0);

        // Another site's page: the server says no, the UI says so.
        await page.GotoAsync("/sites/muong-bu");
        await Expect(page.Locator("main .error")).ToHaveTextAsync("Bạn chỉ được xem xã của mình.");
        Assert.Empty(browser.PageErrors);
    }
}

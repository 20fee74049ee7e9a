using Microsoft.Playwright;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven by Playwright (no browser download: <c>ExecutablePath</c>), with a fresh
/// profile directory for every session so no cookie or localStorage leaks between tests.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Generous: the machine is shared and slow; every wait is on a condition, never a sleep.</summary>
    public const float TimeoutMs = 60_000;

    private static readonly string[] ChromiumFlags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
         "--disable-dev-shm-usage"];

    private readonly IPlaywright _playwright;
    private readonly TempDirectory _profile;

    private BrowserSession(IPlaywright playwright, TempDirectory profile, IBrowserContext context, IPage page, string baseUrl)
    {
        _playwright = playwright;
        _profile = profile;
        Context = context;
        Page = page;
        BaseUrl = baseUrl;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string BaseUrl { get; }

    /// <summary>Uncaught exceptions in the page's scripts.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>
    /// What the page's console reported as errors; includes the browser's own "Failed to load resource" for answers
    /// the UI expects (the 401 of /api/me before login), so it is for failure messages, not for asserting.
    /// </summary>
    public List<string> ConsoleErrors { get; } = [];

    public static async Task<BrowserSession> StartAsync(string baseUrl, int width = 1280, int height = 900)
    {
        var chromium = RequiredTool.Find("chromium", "chromium");
        var playwright = await Playwright.CreateAsync();
        var profile = new TempDirectory("sonla-chromium");
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumFlags,
                BaseURL = baseUrl,
                ViewportSize = new ViewportSize { Width = width, Height = height },
                // The browser's own zone and language must not matter: the UI shows Vietnam time and Vietnamese.
                TimezoneId = "Europe/Berlin",
                Locale = "en-US",
            });
            context.SetDefaultTimeout(TimeoutMs);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            var session = new BrowserSession(playwright, profile, context, page, baseUrl);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    session.ConsoleErrors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => session.PageErrors.Add(error);
            return session;
        }
        catch
        {
            playwright.Dispose();
            profile.Dispose();
            throw;
        }
    }

    /// <summary>Opens the UI and signs in through its login form; waits for the province overview.</summary>
    public async Task LoginAsync(string user, string password)
    {
        await Page.GotoAsync("/");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Page.GetByLabel("Tên đăng nhập").FillAsync(user);
        await Page.GetByLabel("Mật khẩu").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#site-groups .tile").First).ToBeVisibleAsync();
    }

    /// <summary>A PNG of the whole page in the screenshots folder of the test artifacts; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestArtifacts.Screenshots, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        _profile.Dispose();
    }
}

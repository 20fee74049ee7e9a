using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Tests.Api;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>Cookie sessions against the real app: login, logout, antiforgery, password change, restart.</summary>
public class SignInTests
{
    [Fact]
    public async Task Login_SetsHttpOnlySessionCookie_AndLogoutEndsIt()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var browser = host.NewSession();

        var login = await browser.LoginAsync("admin", ApiHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("admin", login.Json.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("admin", login.Json.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal("X-CSRF-TOKEN", login.Json.GetProperty("csrf_header").GetString());
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sonla_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", setCookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/alerts")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/logout")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/alerts")).Status);
    }

    [Fact]
    public async Task Login_AcceptsAForm_AndRefusesWrongPasswordAndUnknownUserAlike()
    {
        await using var host = await ApiHost.StartAsync();
        using var browser = host.NewSession();

        var form = await browser.SendAsync(HttpMethod.Post, "/api/login",
            "user=admin&password=" + Uri.EscapeDataString(ApiHost.AdminPassword), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, form.Status);

        using var other = host.NewSession();
        var wrong = await other.LoginAsync("admin", "not-the-password");
        var unknown = await other.LoginAsync("nobody", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(wrong.Body, unknown.Body);
        Assert.Equal("invalid_credentials", wrong.Error);

        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsync("/api/login", "{\"user\":\"admin\"")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsync("/api/login", "{\"user\":\"admin\"}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.SendAsync(HttpMethod.Post, "/api/login", "user=admin", "text/plain")).Status);
    }

    [Fact]
    public async Task CookiePost_WithoutAntiforgeryToken_IsRefused_WithTheTokenItPasses()
    {
        var book = new FakeAlertBook();
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook>(book));
        using var browser = await host.AdminAsync();
        var loginToken = browser.CsrfToken;

        browser.CsrfToken = null;
        var refused = await browser.PostAsync("/api/alerts/1/ack", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("antiforgery", refused.Error);
        browser.CsrfToken = "forged";
        Assert.Equal("antiforgery", (await browser.PostAsync("/api/alerts/1/ack", "{}")).Error);
        Assert.Equal("antiforgery", (await browser.PostAsync("/api/logout")).Error);
        Assert.Null((await book.FindAsync(1, default))!.Acknowledged);

        browser.CsrfToken = loginToken;
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/api/alerts/1/ack", "{}")).Status);

        // The token of GET /api/antiforgery works as well (what a page loaded later uses).
        var fetched = await browser.GetAsync("/api/antiforgery");
        Assert.Equal("X-CSRF-TOKEN", fetched.Json.GetProperty("header_name").GetString());
        browser.CsrfToken = fetched.Json.GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/logout")).Status);
    }

    [Fact]
    public async Task AntiforgeryToken_OfAnotherUser_IsRefused()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var viewer = await host.UserAsync("noc", "viewer");
        using var admin = await host.AdminAsync();
        admin.CsrfToken = viewer.CsrfToken;
        Assert.Equal("antiforgery", (await admin.PostAsync("/api/alerts/1/ack", "{}")).Error);
    }

    [Fact]
    public async Task PasswordChange_KeepsThisSession_EndsTheOthers_AndTheOldPasswordStopsWorking()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var laptop = await host.UserAsync("noc", "viewer");
        using var phone = host.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await phone.LoginAsync("noc", ApiHost.UserPassword)).Status);

        var wrong = await laptop.PostAsync("/api/me/password", """{"current_password":"wrong-password-1","new_password":"new-password-0123"}""");
        Assert.Equal("wrong_password", wrong.Error);
        var weak = await laptop.PostAsync("/api/me/password", $$"""{"current_password":"{{ApiHost.UserPassword}}","new_password":"short"}""");
        Assert.Equal(HttpStatusCode.BadRequest, weak.Status);
        Assert.Contains("at least 10", weak.Body, StringComparison.Ordinal);

        var changed = await laptop.PostAsync("/api/me/password", $$"""{"current_password":"{{ApiHost.UserPassword}}","new_password":"new-password-0123"}""");
        Assert.Equal(HttpStatusCode.OK, changed.Status);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/alerts")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/alerts")).Status);
        using var again = host.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.LoginAsync("noc", ApiHost.UserPassword)).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.LoginAsync("noc", "new-password-0123")).Status);
    }

    [Fact]
    public async Task Session_SurvivesACollectorRestart_OnTheSameState()
    {
        using var state = new Testing.TempDirectory();
        var stateArg = "--State:Path=" + state.File("collector-state.db");
        using var browser = new ApiSession(new Uri("http://127.0.0.1"));
        Uri first;
        await using (var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>(), stateArg))
        {
            using var login = host.NewSession();
            Assert.Equal(HttpStatusCode.OK, (await login.LoginAsync("admin", ApiHost.AdminPassword)).Status);
            first = host.Address;
            foreach (Cookie cookie in login.Cookies.GetCookies(first))
            {
                browser.Cookies.Add(new Cookie(cookie.Name, cookie.Value, "/", "127.0.0.1"));
            }
        }

        await using var restarted = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>(), stateArg);
        using var resumed = restarted.NewSession();
        foreach (Cookie cookie in browser.Cookies.GetAllCookies())
        {
            resumed.Cookies.Add(new Cookie(cookie.Name, cookie.Value, "/", "127.0.0.1"));
        }

        var me = await resumed.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("admin", me.Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OversizedBody_IsRefused()
    {
        await using var host = await ApiHost.StartAsync();
        using var browser = host.NewSession();
        var huge = "{\"user\":\"admin\",\"password\":\"" + new string('x', 100_000) + "\"}";
        var answer = await browser.PostAsync("/api/login", huge);
        Assert.True(answer.Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, answer.Status.ToString());
        Assert.DoesNotContain(new string('x', 50), string.Join('\n', host.Logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
        _ = Encoding.UTF8;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Tests.Api;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>The first admin of an empty state database, with the real app and its log.</summary>
public partial class FirstAdminTests
{
    private const int OneTimePasswordEvent = 1700;
    private const int ConfiguredPasswordEvent = 1701;

    [Fact]
    public async Task FirstStart_PrintsAOneTimePasswordOnce_ThatMustBeChanged_AndASecondStartPrintsNothing()
    {
        using var state = new TempDirectory();
        string[] args = ["--State:Path=" + state.File("collector-state.db"), "--Auth:InitialAdminPassword="];
        string password;
        await using (var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>(), args))
        {
            var printed = host.Logs.Entries.Where(e => e.EventId is OneTimePasswordEvent or ConfiguredPasswordEvent).ToList();
            var line = Assert.Single(printed).Message;
            var match = OneTimePassword().Match(line);
            Assert.True(match.Success, line);
            Assert.Contains("change it at first login", line, StringComparison.Ordinal);
            password = match.Groups[1].Value;
            Assert.Equal(16, password.Length);
            // Printed in that one line only.
            Assert.Single(host.Logs.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));

            using var browser = host.NewSession();
            var login = await browser.LoginAsync("admin", password);
            Assert.Equal(HttpStatusCode.OK, login.Status);
            Assert.True(login.Json.GetProperty("user").GetProperty("must_change_password").GetBoolean());

            foreach (var path in new[] { "/api/alerts", "/api/users", "/api/tokens" })
            {
                var blocked = await browser.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, blocked.Status);
                Assert.Equal("password_change_required", blocked.Error);
            }

            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).Status);
            var changed = await browser.PostAsync("/api/me/password",
                $$"""{"current_password":"{{password}}","new_password":"chosen-password-0123"}""");
            Assert.Equal(HttpStatusCode.OK, changed.Status);
            Assert.False(changed.Json.GetProperty("must_change_password").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/alerts")).Status);
        }

        await using (var again = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>(), args))
        {
            Assert.DoesNotContain(again.Logs.Entries, e => e.EventId is OneTimePasswordEvent or ConfiguredPasswordEvent);
            Assert.DoesNotContain(again.Logs.Entries, e => e.Message.Contains("one-time password", StringComparison.Ordinal));
            using var browser = again.NewSession();
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync("admin", password)).Status);
            Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("admin", "chosen-password-0123")).Status);
        }
    }

    [Fact]
    public async Task ConfiguredInitialPassword_IsUsed_NotPrinted_AndNeedsNoChange()
    {
        await using var host = await ApiHost.StartAsync();
        var line = Assert.Single(host.Logs.Entries, e => e.EventId is OneTimePasswordEvent or ConfiguredPasswordEvent);
        Assert.Equal(ConfiguredPasswordEvent, line.EventId);
        Assert.Contains("Auth:InitialAdminPassword", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(ApiHost.AdminPassword, StringComparison.Ordinal));

        using var browser = host.NewSession();
        var login = await browser.LoginAsync("admin", ApiHost.AdminPassword);
        Assert.False(login.Json.GetProperty("user").GetProperty("must_change_password").GetBoolean());
    }

    [GeneratedRegex("^first start: created user 'admin' with one-time password ([A-Za-z0-9]+) — change it at first login$")]
    private static partial Regex OneTimePassword();
}

using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.State;
using SonLa.Monitor.Collector.Tests.Api;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>API tokens: created once over a session, used as Authorization: Bearer, revoked, stored only hashed.</summary>
public class BearerTokenTests
{
    [Fact]
    public async Task Token_ActsAsItsUser_WithItsRole_WithoutAntiforgery_UntilRevoked()
    {
        var book = new FakeAlertBook();
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook>(book));
        using var viewer = await host.UserAsync("noc", "viewer");

        var created = await viewer.PostAsync("/api/tokens", """{"name":"noc-wallboard"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var token = created.Json.GetProperty("token").GetString()!;
        var id = created.Json.GetProperty("id").GetInt64();
        Assert.StartsWith("sonla_", token, StringComparison.Ordinal);
        Assert.True(token.Length >= 40, token);

        using var script = host.NewSession();
        script.BearerToken = token;
        var me = await script.GetAsync("/api/me");
        Assert.Equal("noc", me.Json.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/alerts")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsync("/api/alerts/1/ack", "{}")).Status);

        // A token never shows again: the listing has its name and use, not the token.
        var listed = await viewer.GetAsync("/api/tokens");
        var entry = Assert.Single(listed.Json.GetProperty("tokens").EnumerateArray());
        Assert.Equal("noc-wallboard", entry.GetProperty("name").GetString());
        Assert.False(entry.TryGetProperty("token", out _));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, entry.GetProperty("last_used_at").ValueKind);
        Assert.DoesNotContain(token, listed.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await viewer.DeleteAsync($"/api/tokens/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.DeleteAsync($"/api/tokens/{id}")).Status);
        var revoked = await script.GetAsync("/api/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);
        Assert.Equal("Bearer", revoked.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task AdminToken_PostsWithoutAntiforgery()
    {
        var book = new FakeAlertBook();
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook>(book));
        using var admin = await host.AdminAsync();
        var token = (await admin.PostAsync("/api/tokens", """{"name":"ops"}""")).Json.GetProperty("token").GetString();

        using var script = host.NewSession();
        script.BearerToken = token;
        var ack = await script.PostAsync("/api/alerts/1/ack", """{"comment":"đang xử lý"}""");
        Assert.Equal(HttpStatusCode.OK, ack.Status);
        Assert.Equal("đang xử lý", ack.Json.GetProperty("acknowledged").GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Token_IsStoredOnlyAsItsHash_AndNeverLogged()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = await host.AdminAsync();
        var token = (await admin.PostAsync("/api/tokens", """{"name":"ops"}""")).Json.GetProperty("token").GetString()!;

        using var connection = host.Services.GetRequiredService<StateDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_sha256 FROM auth_tokens";
        var stored = (string)command.ExecuteScalar()!;
        Assert.Equal(64, stored.Length);
        Assert.NotEqual(token, stored);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(ApiHost.AdminPassword, StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task DisablingAUser_StopsItsTokensAndSessions()
    {
        await using var host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
        using var viewer = await host.UserAsync("noc", "viewer");
        var token = (await viewer.PostAsync("/api/tokens", """{"name":"wallboard"}""")).Json.GetProperty("token").GetString();
        using var script = host.NewSession();
        script.BearerToken = token;
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/alerts")).Status);

        using var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/users/noc")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/alerts")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("/api/alerts")).Status);
        using var again = host.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.LoginAsync("noc", ApiHost.UserPassword)).Status);
    }
}

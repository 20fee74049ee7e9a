using System.Net;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>POST/GET/DELETE /api/users through the real app.</summary>
public class UserApiTests
{
    [Fact]
    public async Task CreatedUser_MustChangeItsPasswordByDefault_AndIsListedWithoutAHash()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = await host.AdminAsync();
        var created = await admin.PostAsync("/api/users",
            $$"""{"name":"chieng-coi-staff","role":"site","site":"{{ApiHost.SiteId}}","password":"first-password-0123"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(
            ["name", "role", "site", "must_change_password", "created_at", "disabled_at", "last_login_at"],
            created.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ApiHost.SiteId, created.Json.GetProperty("site").GetString());
        Assert.True(created.Json.GetProperty("must_change_password").GetBoolean());

        var listed = await admin.GetAsync("/api/users");
        Assert.Equal(["admin", "chieng-coi-staff"], listed.Json.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.DoesNotContain("AQAAAA", listed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("first-password-0123", string.Join('\n', host.Logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);

        using var staff = host.NewSession();
        var login = await staff.LoginAsync("CHIENG-COI-STAFF", "first-password-0123");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal("password_change_required", (await staff.GetAsync("/api/alerts")).Error);
    }

    [Theory]
    [InlineData("""{"name":"x y","role":"viewer","password":"long-enough-pw"}""", "name must be")]
    [InlineData("""{"name":"ok","role":"root","password":"long-enough-pw"}""", "role must be viewer, admin or site")]
    [InlineData("""{"name":"ok","role":"site","password":"long-enough-pw"}""", "site is required for role site")]
    [InlineData("""{"name":"ok","role":"site","site":"nowhere","password":"long-enough-pw"}""", "site 'nowhere' is not a configured site")]
    [InlineData("""{"name":"ok","role":"viewer","site":"chieng-coi","password":"long-enough-pw"}""", "site is only for role site")]
    [InlineData("""{"name":"ok","role":"viewer","password":"short"}""", "password must be at least 10 characters")]
    [InlineData("""{"name":"ok","role":"viewer","password":1234567890123}""", "malformed JSON at $.password")]
    public async Task BadNewUser_Is400_SayingWhy(string body, string reason)
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = await host.AdminAsync();
        var answer = await admin.PostAsync("/api/users", body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", answer.Error);
        Assert.Contains(reason, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateName_Is409_AndTheLastAdminCannotBeDisabled()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = await host.AdminAsync();
        var body = """{"name":"Noc","role":"viewer","password":"long-enough-pw"}""";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/users", body)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/users", body.Replace("Noc", "noc", StringComparison.Ordinal))).Status);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync("/api/users/admin")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/users/nobody")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/users/noc")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/users/noc")).Status);
    }
}

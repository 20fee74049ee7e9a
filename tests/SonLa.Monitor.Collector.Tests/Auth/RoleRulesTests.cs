using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Tests.Api;

namespace SonLa.Monitor.Collector.Tests.Auth;

/// <summary>Every API endpoint's role rules, against the real app: 401 without login, 403 for the wrong role or site.</summary>
public class RoleRulesTests(RoleRulesTests.Fixture fixture) : IClassFixture<RoleRulesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        internal ApiHost Host { get; private set; } = null!;

        internal ApiSession Viewer { get; private set; } = null!;

        internal ApiSession SiteUser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await ApiHost.StartAsync(s => s.AddSingleton<IAlertBook, FakeAlertBook>());
            Viewer = await Host.UserAsync("noc", "viewer");
            SiteUser = await Host.UserAsync("chieng-coi-staff", "site", ApiHost.SiteId);
        }

        public async Task DisposeAsync()
        {
            Viewer.Dispose();
            SiteUser.Dispose();
            await Host.DisposeAsync();
        }
    }

    public static TheoryData<string, string> SignedInEndpoints => new()
    {
        { "GET", "/api/alerts" },
        { "GET", "/api/alerts?state=all&site=" + ApiHost.SiteId },
        { "POST", "/api/alerts/1/ack" },
        { "GET", "/api/maintenance" },
        { "POST", "/api/maintenance" },
        { "DELETE", "/api/maintenance/1" },
        { "GET", "/api/users" },
        { "POST", "/api/users" },
        { "DELETE", "/api/users/noc" },
        { "GET", "/api/tokens" },
        { "POST", "/api/tokens" },
        { "DELETE", "/api/tokens/1" },
        { "GET", "/api/me" },
        { "POST", "/api/me/password" },
    };

    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "POST", "/api/alerts/1/ack" },
        { "POST", "/api/maintenance" },
        { "DELETE", "/api/maintenance/1" },
        { "GET", "/api/users" },
        { "POST", "/api/users" },
        { "DELETE", "/api/users/noc" },
    };

    [Theory]
    [MemberData(nameof(SignedInEndpoints))]
    public async Task WithoutLogin_Is401WithJsonError(string method, string path)
    {
        using var anonymous = fixture.Host.NewSession();
        var answer = await anonymous.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.Equal("unauthorized", answer.Error);
    }

    [Theory]
    [MemberData(nameof(SignedInEndpoints))]
    public async Task UnknownBearerToken_Is401WithChallenge(string method, string path)
    {
        using var script = fixture.Host.NewSession();
        script.BearerToken = "sonla_not-a-real-token";
        var answer = await script.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpoint_ForViewerAndSiteUser_Is403(string method, string path)
    {
        foreach (var session in new[] { fixture.Viewer, fixture.SiteUser })
        {
            var answer = await session.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");
            Assert.True(answer.Status == HttpStatusCode.Forbidden, answer.ToString());
            Assert.Equal("forbidden", answer.Error);
        }
    }

    [Fact]
    public async Task ReadEndpoints_ForViewer_Are200()
    {
        foreach (var path in new[] { "/api/alerts", "/api/alerts?state=all", "/api/maintenance", "/api/tokens", "/api/me" })
        {
            var answer = await fixture.Viewer.GetAsync(path);
            Assert.True(answer.Status == HttpStatusCode.OK, path + ": " + answer);
        }
    }

    [Fact]
    public async Task SiteUser_AskingForAnotherSite_Is403()
    {
        foreach (var path in new[]
        {
            "/api/alerts?site=" + ApiHost.OtherSiteId,
            "/api/alerts?state=all&site=" + ApiHost.OtherSiteId,
            "/api/maintenance?site=" + ApiHost.OtherSiteId,
            "/api/alerts?site=no-such-site",
        })
        {
            var answer = await fixture.SiteUser.GetAsync(path);
            Assert.True(answer.Status == HttpStatusCode.Forbidden, path + ": " + answer);
            Assert.Equal("forbidden", answer.Error);
        }
    }

    [Fact]
    public async Task SiteUser_SeesOnlyItsOwnSite()
    {
        var all = await fixture.SiteUser.GetAsync("/api/alerts?state=all");
        var own = await fixture.SiteUser.GetAsync("/api/alerts?state=all&site=" + ApiHost.SiteId);
        foreach (var answer in new[] { all, own })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var sites = answer.Json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("site").GetString()).ToList();
            Assert.Equal([ApiHost.SiteId, ApiHost.SiteId], sites);
        }

        var viewer = await fixture.Viewer.GetAsync("/api/alerts?state=all");
        Assert.Equal(3, viewer.Json.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task UnknownSite_ForViewer_Is404()
    {
        var answer = await fixture.Viewer.GetAsync("/api/alerts?site=no-such-site");
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("not_found", answer.Error);
    }

    [Fact]
    public async Task HealthzAndMetrics_StayOpenWithoutLogin()
    {
        using var anonymous = fixture.Host.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).Status);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).Status);
    }
}

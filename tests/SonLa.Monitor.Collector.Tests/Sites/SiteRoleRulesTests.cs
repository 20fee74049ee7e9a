using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Collector.Sites;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>Who may read what: 401 without a login, a site user only its own site, viewers every site in Vietnamese order.</summary>
public class SiteRoleRulesTests
{
    [Theory]
    [InlineData("/api/sites")]
    [InlineData("/api/sites/" + SitesHost.SiteId)]
    [InlineData("/api/live")]
    public async Task WithoutLogin_Unauthorized(string path)
    {
        await using var host = await SitesHost.StartAsync();
        using var anonymous = host.NewSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).Status);
    }

    [Fact]
    public async Task SiteUser_SeesItsOwnSiteOnly()
    {
        await using var host = await SitesHost.StartAsync();
        using var staff = await host.UserAsync("chieng-coi-staff", "site", SitesHost.SiteId);

        var list = await staff.GetAsync("/api/sites");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal<string>([SitesHost.SiteId], SitePresenceTests.Ids(list.Json));
        Assert.Equal(1, list.Json.GetProperty("counts").GetProperty("unknown").GetInt32());

        var own = await staff.GetAsync("/api/sites/" + SitesHost.SiteId);
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("Xã Chiềng Cơi", own.Json.GetProperty("name").GetString());

        var other = await staff.GetAsync("/api/sites/" + SitesHost.OtherSiteId);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("forbidden", other.Error);
        // Whether a site exists is not for a site user to learn: another id is another site.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/sites/no-such-site")).Status);
    }

    [Fact]
    public async Task Viewer_SeesEverySite_SortedByDistrictThenName_AndUnknownSiteIs404()
    {
        await using var host = await SitesHost.StartAsync();
        using var viewer = await host.UserAsync("noc", "viewer");

        var list = await viewer.GetAsync("/api/sites");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("application/json", list.MediaType);
        // "Huyện Mai Sơn" before "Thành phố Sơn La"; in it "Phường Chiềng An" before "Xã Chiềng Cơi".
        Assert.Equal<string>([SitesHost.OtherSiteId, SitesHost.IdleSiteId, SitesHost.SiteId], SitePresenceTests.Ids(list.Json));
        var counts = list.Json.GetProperty("counts");
        Assert.Equal((0, 0, 0, 3), (counts.GetProperty("ok").GetInt32(), counts.GetProperty("degraded").GetInt32(),
            counts.GetProperty("down").GetInt32(), counts.GetProperty("unknown").GetInt32()));
        Assert.Contains("Xã Chiềng Cơi", list.Body, StringComparison.Ordinal);

        var missing = await viewer.GetAsync("/api/sites/no-such-site");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("not_found", missing.Error);
    }

    [Fact]
    public async Task Live_IsAnEventStream_ThatEndsWhenTheClientGoes_OrTheCollectorStops()
    {
        var host = await SitesHost.StartAsync();
        try
        {
            using var staff = await host.UserAsync("chieng-coi-staff", "site", SitesHost.SiteId);
            var hub = host.Services.GetRequiredService<SiteLiveHub>();
            await using (var first = await LiveReader.OpenAsync(host.Address, staff.Cookies))
            {
                Assert.Equal(HttpStatusCode.OK, first.Status);
                Assert.Equal(SiteEndpoints.EventStreamContentType, first.MediaType);
                Assert.Equal(1, hub.SubscriberCount);
            }

            await Poll.UntilAsync(() => hub.SubscriberCount == 0, TimeSpan.FromSeconds(30), "the subscription of a client that went away dropped");

            await using var second = await LiveReader.OpenAsync(host.Address, staff.Cookies);
            // The stream ends as the collector stops, well before Kestrel's 30 s shutdown grace would cut it.
            var stopping = host.DisposeAsync().AsTask();
            await second.Ended.WaitAsync(TimeSpan.FromSeconds(20));
            await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

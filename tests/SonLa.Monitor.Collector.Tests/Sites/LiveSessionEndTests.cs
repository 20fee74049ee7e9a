using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Sites;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>
/// Rights are checked when a live stream opens; a stream must not outlive them. Disabling a user, changing its
/// password or revoking its API token ends the streams that session opened, at once, and only those.
/// </summary>
public class LiveSessionEndTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DisablingAUser_EndsItsOpenLiveStream_AndItCannotReopen()
    {
        await using var host = await SitesHost.StartAsync();
        using var staff = await host.UserAsync("chieng-coi-staff", "site", SitesHost.SiteId);
        using var admin = await host.AdminAsync();
        var hub = host.Services.GetRequiredService<SiteLiveHub>();
        await using var adminStream = await LiveReader.OpenAsync(host.Address, admin.Cookies);
        await using var staffStream = await LiveReader.OpenAsync(host.Address, staff.Cookies);
        Assert.Equal(HttpStatusCode.OK, staffStream.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/users/chieng-coi-staff")).Status);

        await staffStream.Ended.WaitAsync(Deadline);
        await Poll.UntilAsync(() => hub.SubscriberCount == 1, Deadline, "only the admin's stream left");
        Assert.False(adminStream.Ended.IsCompleted);
        await using var again = await LiveReader.OpenAsync(host.Address, staff.Cookies);
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
    }

    [Fact]
    public async Task RevokingAToken_EndsTheStreamsOfThatToken_PasswordChangeEndsTheSignedInOnes()
    {
        await using var host = await SitesHost.StartAsync();
        using var viewer = await host.UserAsync("noc", "viewer");
        var created = await viewer.PostAsync("/api/tokens", """{"name":"wallboard"}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var token = created.Json.GetProperty("token").GetString()!;
        var id = created.Json.GetProperty("id").GetInt64();
        var other = (await viewer.PostAsync("/api/tokens", """{"name":"phone"}""")).Json.GetProperty("token").GetString()!;

        await using var signedIn = await LiveReader.OpenAsync(host.Address, viewer.Cookies);
        await using var wallboard = await LiveReader.OpenAsync(host.Address, null, token);
        await using var phone = await LiveReader.OpenAsync(host.Address, null, other);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wallboard.Status, phone.Status));

        Assert.Equal(HttpStatusCode.NoContent, (await viewer.DeleteAsync($"/api/tokens/{id}")).Status);
        await wallboard.Ended.WaitAsync(Deadline);
        Assert.False(phone.Ended.IsCompleted);
        Assert.False(signedIn.Ended.IsCompleted);

        var changed = await viewer.PostAsync("/api/me/password",
            $$"""{"current_password":"{{SitesHost.UserPassword}}","new_password":"another-password-0123"}""");
        Assert.True(changed.Status == HttpStatusCode.OK, changed.ToString());
        // The sign-in that was watching is over (its cookie's stamp is old); an API token is not a sign-in and goes on.
        await signedIn.Ended.WaitAsync(Deadline);
        Assert.False(phone.Ended.IsCompleted);
        await using var reopened = await LiveReader.OpenAsync(host.Address, null, token);
        Assert.Equal(HttpStatusCode.Unauthorized, reopened.Status);
    }
}

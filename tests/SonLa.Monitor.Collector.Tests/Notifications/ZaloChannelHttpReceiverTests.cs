using System.Text.Json;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class ZaloChannelHttpReceiverTests : IAsyncLifetime
{
    private const string AccessToken = "zalo-oa-access-token-secret-0123456789";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new("sonla-notify");
    private HttpReceiver _zalo = null!;

    public Task InitializeAsync()
    {
        _zalo = HttpReceiver.Start();
        _zalo.Respond(_ => ReceiverResponse.Ok("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m1\",\"user_id\":\"u1\"}}"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _zalo.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Notifications:Channels:0:Name"] = "zalo-oa",
        ["Notifications:Channels:0:Type"] = "zalo",
        ["Notifications:Channels:0:BaseUrl"] = _zalo.BaseUrl,
        ["Notifications:Channels:0:AccessToken"] = AccessToken,
        ["Notifications:Channels:0:UserIds:0"] = "8465301927771234567",
        ["Notifications:Channels:0:UserIds:1"] = "2468013579246801357",
    };

    [Fact]
    public async Task CsMessage_PostedPerUser_WithTheAccessTokenHeader()
    {
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings());

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        var requests = await _zalo.WaitForAsync(2, Deadline);
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(1));

        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("/v3.0/oa/message/cs", r.Path);
            Assert.Equal(AccessToken, r.Header("access_token"));
        });
        var bodies = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["2468013579246801357", "8465301927771234567"],
            bodies.Select(b => b.GetProperty("recipient").GetProperty("user_id").GetString()).Order(StringComparer.Ordinal));
        Assert.StartsWith("Xã Chiềng Cơi: mất kết nối từ 14:35", bodies[0].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(harness.Store.Deliveries("alert-42-firing"), d => Assert.Equal(DeliveryState.Delivered, d.State));
    }

    [Fact]
    public async Task ErrorInA200Body_IsAFailure_RetriedUntilZaloAccepts()
    {
        _zalo.FailFirst(1, new ReceiverResponse(200, "{\"error\":-216,\"message\":\"Access token is invalid\"}"));
        var settings = Settings();
        settings.Remove("Notifications:Channels:0:UserIds:1");
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(5));

        var attempts = harness.Store.Attempts("alert-42-firing");
        Assert.Equal(["delivered", "retry"], attempts.Select(a => a.Outcome));
        Assert.Equal("Zalo error -216: Access token is invalid", attempts[1].Error);
        Assert.Equal(2, _zalo.Count);
        Assert.DoesNotContain(harness.Log.Entries, e => e.Message.Contains(AccessToken, StringComparison.Ordinal));
    }
}

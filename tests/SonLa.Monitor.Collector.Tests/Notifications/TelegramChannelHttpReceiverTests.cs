using System.Text.Json;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class TelegramChannelHttpReceiverTests : IAsyncLifetime
{
    private const string Token = "123456789:AAH-secret-bot-token_xyz";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new("sonla-notify");
    private HttpReceiver _telegram = null!;

    public Task InitializeAsync()
    {
        _telegram = HttpReceiver.Start();
        _telegram.Respond(_ => ReceiverResponse.Ok("{\"ok\":true,\"result\":{\"message_id\":7}}"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string?> Settings(params string[] chatIds)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Channels:0:Name"] = "province-it-telegram",
            ["Notifications:Channels:0:Type"] = "telegram",
            ["Notifications:Channels:0:BaseUrl"] = _telegram.BaseUrl,
            ["Notifications:Channels:0:Token"] = Token,
        };
        for (var i = 0; i < chatIds.Length; i++)
        {
            settings[$"Notifications:Channels:0:ChatIds:{i}"] = chatIds[i];
        }

        return settings;
    }

    [Fact]
    public async Task SendMessage_OnePostPerChat_ToTheBotApiPath()
    {
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings("-1001234567890", "42"));

        harness.Dispatcher.Enqueue(Notifications.SiteBack());
        var requests = await _telegram.WaitForAsync(2, Deadline);
        await harness.UntilSettledAsync("siteback-chieng-coi-1764254100", TimeSpan.FromSeconds(1));

        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal($"/bot{Token}/sendMessage", r.Path);
            Assert.StartsWith("application/json", r.Header("Content-Type"), StringComparison.Ordinal);
        });
        var bodies = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["-1001234567890", "42"], bodies.Select(b => b.GetProperty("chat_id").GetString()).Order(StringComparer.Ordinal));
        var text = bodies[0].GetProperty("text").GetString()!;
        Assert.StartsWith("Xã Chiềng Cơi: đã kết nối lại", text, StringComparison.Ordinal);
        Assert.Contains("14:02 mất điện (UPS chạy pin)", text, StringComparison.Ordinal);
        Assert.Equal(2, harness.Metrics.SentCount("province-it-telegram"));
    }

    [Fact]
    public async Task ChatNotFound_PermanentFailure_TokenNeverInTheLogOrErrors()
    {
        _telegram.Respond(_ => new ReceiverResponse(400,
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings("999"));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(5));

        var delivery = Assert.Single(harness.Store.Deliveries("alert-42-firing"));
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Contains("chat not found", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(1, _telegram.Count);
        Assert.DoesNotContain(harness.Log.Entries, e => e.Message.Contains("secret-bot-token", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Store.RecentAttempts(), a => (a.Error ?? "").Contains("secret-bot-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TooManyRequests_RetriedAfterTheBotApisRetryAfter()
    {
        _telegram.FailFirst(1, new ReceiverResponse(429,
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 30\",\"parameters\":{\"retry_after\":30}}"));
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), Settings("42"));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await Testing.Processes.Poll.UntilAsync(() => harness.Store.Deliveries("alert-42-firing")[0].Attempts == 1, Deadline, "the first attempt");
        var delivery = harness.Store.Deliveries("alert-42-firing")[0];
        Assert.True(delivery.NextAttemptAt - delivery.LastAttemptAt >= TimeSpan.FromSeconds(30));

        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(10));
        Assert.Equal(DeliveryState.Delivered, harness.Store.Deliveries("alert-42-firing")[0].State);
        Assert.Equal(2, _telegram.Count);
    }
}

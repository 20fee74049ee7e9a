using System.Globalization;
using System.Text.Json;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.Notifications.Channels;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

public sealed class WebhookChannelHttpReceiverTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _dir = new("sonla-notify");
    private HttpReceiver _receiver = null!;

    public Task InitializeAsync()
    {
        _receiver = HttpReceiver.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Firing_PostsDocumentedJson_SignedWithTheSecret()
    {
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), WebhookSettings.Webhook(_receiver.Url("/hooks/noc")));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());

        var request = (await _receiver.WaitForAsync(1, Deadline))[0];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/noc", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(WebhookSettings.Secret, request.Body, request.Header(WebhookSignature.HeaderName)),
            "the signature must be the HMAC-SHA256 of the exact body with the channel's secret");
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", request.Body, request.Header(WebhookSignature.HeaderName)));
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeSeconds(),
            long.Parse(request.Header(WebhookSignature.TimestampHeaderName)!, CultureInfo.InvariantCulture));

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("alert-42-firing", root.GetProperty("id").GetString());
        Assert.Equal("firing", root.GetProperty("kind").GetString());
        Assert.Equal("link_down", root.GetProperty("rule").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("chieng-coi", root.GetProperty("site").GetString());
        Assert.Equal("Xã Chiềng Cơi", root.GetProperty("site_name").GetString());
        Assert.Equal("Thuận Châu", root.GetProperty("district").GetString());
        Assert.Equal("router", root.GetProperty("device").GetString());
        Assert.Equal("ge-0/0/1", root.GetProperty("interface").GetString());
        Assert.Equal(42, root.GetProperty("alert_id").GetInt64());
        Assert.Equal("2026-11-27T07:35:00Z", root.GetProperty("occurred_at").GetString());
        Assert.Equal("vi", root.GetProperty("language").GetString());
        Assert.Equal("Xã Chiềng Cơi: mất kết nối từ 14:35", root.GetProperty("title").GetString());
        Assert.Contains("cổng ge-0/0/1 ngừng hoạt động", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("uplink", root.GetProperty("details").GetProperty("cause").GetString());
        // Vietnamese travels as UTF-8, not as \u escapes.
        Assert.Contains("Chiềng Cơi", request.BodyText, StringComparison.Ordinal);

        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(1));
        Assert.Equal(DeliveryState.Delivered, Assert.Single(harness.Store.Deliveries("alert-42-firing")).State);
        Assert.Equal(1, harness.Metrics.SentCount("noc-hook"));
        Assert.Contains("sonla_notifications_sent_total{channel=\"noc-hook\"} 1", harness.Metrics.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishChannel_SendsTheEnglishText()
    {
        var settings = WebhookSettings.Webhook(_receiver.Url("/en")).With("Notifications:Channels:0:Language", "en");
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());

        using var json = JsonDocument.Parse((await _receiver.WaitForAsync(1, Deadline))[0].Body);
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
        Assert.Equal("Chiềng Cơi commune: link down since 14:35", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ReceiverFailsTwiceWith503_DeliveredOnTheThirdAttempt_Once()
    {
        _receiver.FailFirst(2);
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), WebhookSettings.Webhook(_receiver.Url("/hook")));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(5));

        // Settled means delivered: give a wrongly repeated send every chance to show before counting.
        harness.Time.Advance(TimeSpan.FromHours(1));
        await Task.Delay(300);
        Assert.Equal(3, _receiver.Count);
        var delivery = Assert.Single(harness.Store.Deliveries("alert-42-firing"));
        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        var attempts = harness.Store.Attempts("alert-42-firing");
        Assert.Equal(["delivered", "retry", "retry"], attempts.Select(a => a.Outcome));
        Assert.Equal([200, 503, 503], attempts.Select(a => a.Status ?? 0));
        Assert.Contains("HTTP 503", attempts[1].Error, StringComparison.Ordinal);
        Assert.Equal(1, harness.Metrics.SentCount("noc-hook"));
        Assert.Equal(2, harness.Metrics.FailedAttemptCount("noc-hook"));
        // The three requests carried the same notification.
        Assert.All(_receiver.Requests, r => Assert.Contains("\"id\":\"alert-42-firing\"", r.BodyText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        _receiver.FailFirst(1, new ReceiverResponse(429, "{}", Headers: new Dictionary<string, string> { ["Retry-After"] = "120" }));
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), WebhookSettings.Webhook(_receiver.Url("/hook")));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await _receiver.WaitForAsync(1, Deadline);
        await Testing.Processes.Poll.UntilAsync(() => harness.Store.Deliveries("alert-42-firing")[0].Attempts == 1, Deadline, "the first attempt recorded");

        var delivery = harness.Store.Deliveries("alert-42-firing")[0];
        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.True(delivery.NextAttemptAt - delivery.LastAttemptAt >= TimeSpan.FromSeconds(120),
            $"next attempt {delivery.NextAttemptAt:O} must wait out Retry-After after {delivery.LastAttemptAt:O}");
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        Assert.Equal(1, _receiver.Count);

        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(30));
        Assert.Equal(2, _receiver.Count);
    }

    [Fact]
    public async Task ClientError_IsPermanent_NotRetried()
    {
        _receiver.Respond(_ => new ReceiverResponse(404, "{\"message\":\"no such hook\"}"));
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), WebhookSettings.Webhook(_receiver.Url("/gone")));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(5));
        harness.Time.Advance(TimeSpan.FromHours(2));
        await Task.Delay(300);

        Assert.Equal(1, _receiver.Count);
        var delivery = Assert.Single(harness.Store.Deliveries("alert-42-firing"));
        Assert.Equal(DeliveryState.Failed, delivery.State);
        Assert.Contains("no such hook", delivery.LastError, StringComparison.Ordinal);
        Assert.Equal(1, harness.Metrics.GivenUpCount("noc-hook"));
        Assert.Contains(harness.Log.Entries, e => e.EventId == 1505 && e.Message.Contains("noc-hook", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StillFailingAfterGiveUpAfterHours_GivenUp_LoggedAndCounted()
    {
        _receiver.Respond(_ => new ReceiverResponse(500, "{}"));
        var settings = WebhookSettings.Webhook(_receiver.Url("/down")).With("Notifications:GiveUpAfterHours", "1");
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromMinutes(2));

        var delivery = Assert.Single(harness.Store.Deliveries("alert-42-firing"));
        Assert.Equal(DeliveryState.GivenUp, delivery.State);
        Assert.True(delivery.Attempts >= 5, $"{delivery.Attempts} attempts in an hour of back-off from 5 s");
        Assert.True(delivery.FinishedAt - delivery.CreatedAt >= TimeSpan.FromHours(1));
        Assert.Equal(1, harness.Metrics.GivenUpCount("noc-hook"));
        Assert.Equal(delivery.Attempts, harness.Metrics.FailedAttemptCount("noc-hook"));
        Assert.Contains(harness.Log.Entries, e => e.EventId == 1506);
        // One warning for the first failure, not one per retry.
        Assert.Single(harness.Log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.EventId == 1504);
    }

    [Fact]
    public async Task SameIdTwice_DeliveredOnce()
    {
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), WebhookSettings.Webhook(_receiver.Url("/hook")));

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        harness.Dispatcher.Enqueue(Notifications.LinkDown() with { TitleVi = "changed" });
        await harness.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(1));
        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        harness.Dispatcher.Enqueue(Notifications.LinkDown("alert-42-resolved", NotificationKind.Resolved));
        await harness.UntilSettledAsync("alert-42-resolved", TimeSpan.FromSeconds(1));
        await Task.Delay(300);

        Assert.Equal(2, _receiver.Count);
        Assert.Equal(2, harness.Metrics.Duplicates);
        Assert.Equal(2, harness.Metrics.Enqueued);
    }

    [Fact]
    public async Task Restart_ResumesPending_NeverResendsDelivered()
    {
        var database = _dir.File("state.db");
        var failing = HttpReceiver.Start();
        await using (failing)
        {
            failing.Respond(_ => new ReceiverResponse(503, "{}"));
            var both = WebhookSettings.Webhook(_receiver.Url("/hook")).With(WebhookSettings.Webhook(failing.Url("/later"), 1, "it-hook"));
            await using (var first = await DispatcherHarness.StartAsync(database, both))
            {
                first.Dispatcher.Enqueue(Notifications.LinkDown());
                await _receiver.WaitForAsync(1, Deadline);
                await failing.WaitForAsync(1, Deadline);
                await Testing.Processes.Poll.UntilAsync(
                    () => first.Store.Deliveries("alert-42-firing").All(d => d.Attempts == 1), Deadline, "both first attempts recorded");
            }

            // The "it-hook" receiver is back; the collector restarts (same state file), an hour later.
            failing.Respond(_ => ReceiverResponse.Ok());
            var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
            await using var second = await DispatcherHarness.StartAsync(database, both, later);
            second.Dispatcher.Enqueue(Notifications.LinkDown());

            await second.UntilSettledAsync("alert-42-firing", TimeSpan.FromSeconds(5));
            await Task.Delay(300);
            Assert.Equal(1, _receiver.Count);
            Assert.Equal(2, failing.Count);
            Assert.All(second.Store.Deliveries("alert-42-firing"), d => Assert.Equal(DeliveryState.Delivered, d.State));
            Assert.Equal(1, second.Metrics.Duplicates);
        }
    }

    [Fact]
    public async Task UnreachableReceiver_RetriedWithAConnectionError()
    {
        var port = FreePort.Tcp();
        var settings = WebhookSettings.Webhook($"http://127.0.0.1:{port}/nobody");
        await using var harness = await DispatcherHarness.StartAsync(_dir.File("state.db"), settings);

        harness.Dispatcher.Enqueue(Notifications.LinkDown());
        await Testing.Processes.Poll.UntilAsync(() => harness.Store.Attempts("alert-42-firing").Count >= 1, Deadline, "a failed attempt");

        var attempt = harness.Store.Attempts("alert-42-firing")[0];
        Assert.Equal("retry", attempt.Outcome);
        Assert.Null(attempt.Status);
        Assert.Contains("request failed", attempt.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/nobody", attempt.Error, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Pending, harness.Store.Deliveries("alert-42-firing")[0].State);
    }
}

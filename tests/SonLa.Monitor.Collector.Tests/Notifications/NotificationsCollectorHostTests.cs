using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Testing.Http;

namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>The dispatcher as the real collector wires it: configuration keys, DI, hosted loop, /metrics.</summary>
public sealed class NotificationsCollectorHostTests
{
    [Fact]
    public async Task ConfiguredWebhook_EnqueuedThroughDi_DeliveredAndCountedInMetrics()
    {
        await using var receiver = HttpReceiver.Start();
        // No InfluxDB needed here: the collector runs degraded, notifications do not depend on it.
        await using var collector = await CollectorHost.StartAsync("http://127.0.0.1:9",
            "--Notifications:Channels:0:Name=noc-hook",
            "--Notifications:Channels:0:Type=webhook",
            "--Notifications:Channels:0:Url=" + receiver.Url("/noc"),
            "--Notifications:Channels:0:Secret=" + WebhookSettings.Secret);

        collector.Services.GetRequiredService<INotificationDispatcher>().Enqueue(Notifications.LinkDown());

        var request = (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(30)))[0];
        Assert.Contains("\"id\":\"alert-42-firing\"", request.BodyText, StringComparison.Ordinal);
        await Testing.Processes.Poll.UntilAsync(
            async () => await collector.MetricAsync("sonla_notifications_sent_total{channel=\"noc-hook\"}") == 1,
            TimeSpan.FromSeconds(30), "the sent counter in /metrics");
        var log = collector.Services.GetRequiredService<IDeliveryLog>();
        Assert.Equal(DeliveryState.Delivered, Assert.Single(log.Deliveries("alert-42-firing")).State);
        Assert.Contains("sonla_notifications_given_up_total{channel=\"noc-hook\"} 0", await collector.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadChannel_ReportedWithTheOtherConfigurationProblems()
    {
        var app = CollectorApp.Build([.. CollectorHost.BaseArgs("http://127.0.0.1:9"),
            "--Notifications:Channels:0:Name=x", "--Notifications:Channels:0:Type=pager"]);
        var problems = CollectorApp.ConfigurationProblems(app.Services);
        Assert.Contains("Notifications:Channels:0:Type: 'pager' is not one of webhook, telegram, zalo, email", problems);
    }
}

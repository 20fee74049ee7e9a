using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Alerts;

/// <summary>
/// The engine in the real collector (CollectorApp, Kestrel, a real influxd): a linkDown event an agent sends reaches
/// the dispatcher as one firing notification naming site, device and interface; linkUp resolves it.
/// </summary>
public sealed class AlertPipelineInfluxServerTests : IAsyncLifetime
{
    private readonly RecordingDispatcher _dispatcher = new();
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url, services => services.AddSingleton<INotificationDispatcher>(_dispatcher));
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task LinkDownEvent_FiresOnce_LinkUpResolves()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.SendAsync(new AgentMessage
        {
            Hello = new Hello
            {
                SiteId = CollectorHost.SiteId, AgentVersion = "test", BootId = agent.BootId, SiteName = "Chiềng Cơi",
                AgentTimeUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                Devices = { new DeviceInfo { Name = "router", Role = "uplink", Host = "192.0.2.1" } },
            },
        });
        Assert.Equal(CollectorMessage.KindOneofCase.Welcome, (await agent.ReadAsync()).KindCase);

        var poll = new Point { Measurement = "interface", TimeUnixNs = Ns(DateTimeOffset.UtcNow) };
        poll.Tags.Add(new Dictionary<string, string> { ["device"] = "router", ["if_index"] = "2", ["if_name"] = "wan0" });
        poll.Fields["admin_status"] = new FieldValue { IntValue = 1 };
        poll.Fields["oper_status"] = new FieldValue { IntValue = 1 };
        var batch = new SampleBatch { BootId = agent.BootId, Sequence = 1, Points = { poll } };
        batch.Events.Add(new Event { Device = "router", Kind = "link_down", IfIndex = "2", Message = "interface 2 went down", TimeUnixNs = Ns(DateTimeOffset.UtcNow) });
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(batch)).KindCase);

        await Poll.UntilAsync(() => _dispatcher.Sent.Count >= 1, TimeSpan.FromSeconds(20), "firing notification");
        var firing = Assert.Single(_dispatcher.Sent);
        Assert.Equal(NotificationKind.Firing, firing.Kind);
        Assert.Equal((AlertRules.LinkDown, CollectorHost.SiteId, "router", "wan0"), (firing.Rule, firing.SiteId, firing.Device, firing.Interface));
        Assert.StartsWith("Xã Chiềng Cơi: cổng wan0 của router mất kết nối từ ", firing.TitleVi, StringComparison.Ordinal);

        var book = _collector.Services.GetRequiredService<IAlertBook>();
        var alert = Assert.Single(await book.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal(firing.AlertId, alert.Id);

        var up = new SampleBatch { BootId = agent.BootId, Sequence = 2 };
        up.Events.Add(new Event { Device = "router", Kind = "link_up", IfIndex = "2", Message = "interface 2 came up", TimeUnixNs = Ns(DateTimeOffset.UtcNow) });
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(up)).KindCase);
        await Poll.UntilAsync(() => _dispatcher.Sent.Count >= 2, TimeSpan.FromSeconds(20), "resolved notification");
        Assert.Equal(NotificationKind.Resolved, _dispatcher.Sent[1].Kind);
        Assert.Empty(await book.ListAsync(new AlertQuery(), CancellationToken.None));
        Assert.Equal(2, _dispatcher.Sent.Count);
    }

    private static long Ns(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;
}

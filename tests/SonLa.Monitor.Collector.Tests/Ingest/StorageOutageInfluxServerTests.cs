using Grpc.Core;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>influxd stopped and started again under a running collector.</summary>
public sealed class StorageOutageInfluxServerTests : IAsyncLifetime
{
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url);
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task InfluxDown_NoAck_Degraded_ThenResentBatchIsAckedAndStoredOnce()
    {
        // Live before the outage.
        using (var first = new AgentStream(_collector.Connect(CollectorHost.Token)))
        {
            await first.HelloAsync(CollectorHost.SiteId);
            Assert.Equal(CollectorMessage.KindOneofCase.Ack,
                (await first.SendBatchAsync(Samples.Batch(first.BootId, 1, Samples.Device("router", Samples.Time - 1_000)))).KindCase);
        }

        _influx.Stop();

        var outageBatch = Samples.Batch("boot-outage", 2, Samples.Interface("router", "1", "Cổng quang"));
        using (var during = new AgentStream(_collector.Connect(CollectorHost.Token)))
        {
            await during.HelloAsync(CollectorHost.SiteId);
            var ex = await Assert.ThrowsAsync<RpcException>(() => during.SendBatchAsync(outageBatch));
            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Contains("boot-outage/2 not stored", ex.Status.Detail, StringComparison.Ordinal);
        }

        var health = await _collector.HealthAsync();
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("unreachable", health.GetProperty("influx").GetString());
        Assert.False(string.IsNullOrEmpty(health.GetProperty("influx_error").GetString()));
        Assert.Equal(0, await _collector.MetricAsync("sonla_collector_influx_up"));
        Assert.True(await _collector.MetricAsync("sonla_collector_influx_write_failures_total") >= 1);

        await _influx.StartAgainAsync();

        // The agent reconnects and resends what was not acknowledged, and once more (a lost ack).
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var after = new AgentStream(_collector.Connect(CollectorHost.Token));
            await after.HelloAsync(CollectorHost.SiteId);
            var reply = await after.SendBatchAsync(outageBatch);
            Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
            Assert.Equal(("boot-outage", 2UL), (reply.Ack.BootId, reply.Ack.Sequence));
        }

        var rows = await _influx.QueryRowsAsync("SELECT in_octets, if_name FROM interface WHERE site = 'chieng-coi'");
        var row = Assert.Single(rows);
        Assert.Equal(Samples.Time, row["time"].GetInt64());
        Assert.Equal("Cổng quang", row["if_name"].GetString());
        Assert.Equal("ok", (await _collector.HealthAsync()).GetProperty("influx").GetString());
    }

    [Fact]
    public async Task StartedWhileInfluxDown_HealthzDegradedAtOnce_OkWhenItComesBack()
    {
        _influx.Stop();
        await using var collector = await CollectorHost.StartAsync(_influx.Url, "--Influx:ProbeSeconds=1");

        await Poll.UntilAsync(async () => (await collector.HealthAsync()).GetProperty("influx").GetString() == "unreachable",
            TimeSpan.FromSeconds(30), "healthz to say influx unreachable");
        Assert.Equal("degraded", (await collector.HealthAsync()).GetProperty("status").GetString());

        await _influx.StartAgainAsync();

        await Poll.UntilAsync(async () => (await collector.HealthAsync()).GetProperty("status").GetString() == "ok",
            TimeSpan.FromSeconds(30), "healthz to say ok again");
    }
}

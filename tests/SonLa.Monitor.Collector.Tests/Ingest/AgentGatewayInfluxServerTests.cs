using Grpc.Core;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>The real collector on Kestrel (h2c, loopback) writing to a real influxd 1.6.7.</summary>
public sealed class AgentGatewayInfluxServerTests : IAsyncLifetime
{
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url, "--Ingest:MaxMessageBytes=65536", "--Ingest:HeartbeatIntervalSeconds=15");
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    [Fact]
    public async Task Batch_IsAckedAfterStoring_WithTagsAndTheAgentsTimestamps()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        var welcome = await agent.HelloAsync(CollectorHost.SiteId);
        Assert.Equal(15, welcome.HeartbeatIntervalSeconds);
        Assert.InRange(welcome.CollectorTimeUnixMs, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(),
            DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());

        var batch = Samples.Batch(agent.BootId, 7,
            Samples.Interface("router", "1", "Cổng quang"),
            Samples.Interface("router", "2", "wan, 4G \"backup\"", Samples.Time + 1),
            Samples.Device("router"));
        batch.Events.Add(Samples.LinkDown("router", Samples.Time + 5));

        var reply = await agent.SendBatchAsync(batch);

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        Assert.Equal(agent.BootId, reply.Ack.BootId);
        Assert.Equal(7UL, reply.Ack.Sequence);

        var interfaces = await _influx.QueryRowsAsync(
            "SELECT in_octets, out_octets, in_bps, oper_status, device, if_index, if_name, site FROM interface WHERE site = 'chieng-coi' ORDER BY time");
        Assert.Equal(2, interfaces.Count);
        Assert.Equal(Samples.Time, interfaces[0]["time"].GetInt64());
        Assert.Equal("Cổng quang", interfaces[0]["if_name"].GetString());
        Assert.Equal("1", interfaces[0]["if_index"].GetString());
        Assert.Equal("router", interfaces[0]["device"].GetString());
        Assert.Equal(12_345_678_901_234L, interfaces[0]["in_octets"].GetInt64());
        Assert.Equal(987_654_321L, interfaces[0]["out_octets"].GetInt64());
        Assert.Equal(1_500_000.5, interfaces[0]["in_bps"].GetDouble());
        Assert.Equal(1L, interfaces[0]["oper_status"].GetInt64());
        Assert.Equal(Samples.Time + 1, interfaces[1]["time"].GetInt64());
        Assert.Equal("wan, 4G \"backup\"", interfaces[1]["if_name"].GetString());

        var devices = await _influx.QueryRowsAsync("SELECT reachable, response_ms, uptime_s FROM device WHERE site = 'chieng-coi'");
        var device = Assert.Single(devices);
        Assert.Equal(1L, device["reachable"].GetInt64());
        Assert.Equal(2.5, device["response_ms"].GetDouble());
        Assert.Equal(86_400L, device["uptime_s"].GetInt64());

        var events = await _influx.QueryRowsAsync("SELECT * FROM event WHERE site = 'chieng-coi'");
        var e = Assert.Single(events);
        Assert.Equal(Samples.Time + 5, e["time"].GetInt64());
        Assert.Equal("link_down", e["kind"].GetString());
        Assert.Equal("router", e["device"].GetString());
        Assert.Equal("3", e["if_index"].GetString());
        Assert.Equal("Cổng quang mất tín hiệu", e["message"].GetString());
        Assert.Equal("1.3.6.1.6.3.1.1.5.3", e["trap_oid"].GetString());
        Assert.Equal("2", e["vb_1_3_6_1_2_1_2_2_1_8_3"].GetString());
    }

    [Fact]
    public async Task SiteTag_IsTheTokensSite_WhateverTheAgentSent()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.OtherToken));
        await agent.HelloAsync(CollectorHost.OtherSiteId);

        var reply = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 1,
            Samples.Interface("spoofer", "9", "eth9", spoofedSite: CollectorHost.SiteId)));

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        Assert.Empty(await _influx.QueryRowsAsync("SELECT in_octets FROM interface WHERE device = 'spoofer' AND site = 'chieng-coi'"));
        var row = Assert.Single(await _influx.QueryRowsAsync("SELECT in_octets, site FROM interface WHERE device = 'spoofer'"));
        Assert.Equal(CollectorHost.OtherSiteId, row["site"].GetString());
    }

    [Theory]
    [InlineData("not-a-configured-token-at-all")]
    [InlineData("")]
    public async Task UnknownToken_IsUnauthenticated(string token)
    {
        using var agent = new AgentStream(_collector.Connect(token));

        var ex = await Assert.ThrowsAsync<RpcException>(() => agent.HelloAsync(CollectorHost.SiteId));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task HelloForAnotherSite_IsPermissionDenied()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.OtherToken));

        var ex = await Assert.ThrowsAsync<RpcException>(() => agent.HelloAsync(CollectorHost.SiteId));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.DoesNotContain(CollectorHost.OtherToken, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstMessageNotHello_IsInvalidArgument()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.SendAsync(new AgentMessage { Heartbeat = new Heartbeat { SentTimeUnixMs = 1 } });

        var ex = await Assert.ThrowsAsync<RpcException>(agent.ReadAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Heartbeat_IsAnswered()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);

        await agent.SendAsync(new AgentMessage { Heartbeat = new Heartbeat { SentTimeUnixMs = 1 } });
        var reply = await agent.ReadAsync();

        Assert.Equal(CollectorMessage.KindOneofCase.Heartbeat, reply.KindCase);
        Assert.True(reply.Heartbeat.SentTimeUnixMs > 1);
    }

    [Fact]
    public async Task InvalidPoints_AreDroppedAlone_ValidOnesStored_AndTheBatchRejectedWithCounts()
    {
        var invalidBefore = await _collector.MetricAsync("sonla_collector_points_invalid_total");
        var rejectedBefore = await _collector.MetricAsync("sonla_collector_batches_rejected_total");
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        var nan = Samples.Device("nan-device");
        nan.Fields["response_ms"] = new FieldValue { DoubleValue = double.NaN };
        var noFields = new Point { Measurement = "device", TimeUnixNs = Samples.Time };
        noFields.Tags.Add("device", "empty");

        var reply = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 3, Samples.Device("good-device"), nan, noFields));

        Assert.Equal(CollectorMessage.KindOneofCase.Reject, reply.KindCase);
        Assert.Equal(3UL, reply.Reject.Sequence);
        Assert.Contains("stored 1 of 3 points; dropped 2 invalid", reply.Reject.Reason, StringComparison.Ordinal);
        Assert.Contains("non-finite double NaN", reply.Reject.Reason, StringComparison.Ordinal);
        Assert.Single(await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE device = 'good-device'"));
        Assert.Empty(await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE device = 'nan-device'"));
        Assert.Equal(invalidBefore + 2, await _collector.MetricAsync("sonla_collector_points_invalid_total"));
        Assert.Equal(rejectedBefore + 1, await _collector.MetricAsync("sonla_collector_batches_rejected_total"));
    }

    [Fact]
    public async Task AllPointsInvalid_IsRejected_AndTheStreamGoesOn()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        var bad = new Point { Measurement = "", TimeUnixNs = 1 };
        bad.Fields.Add("v", new FieldValue { IntValue = 1 });

        var reply = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 4, bad));
        Assert.Equal(CollectorMessage.KindOneofCase.Reject, reply.KindCase);
        Assert.Equal("all 1 points invalid; first: point 0: empty measurement", reply.Reject.Reason);

        var next = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 5, Samples.Device("after-reject")));
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, next.KindCase);
    }

    [Fact]
    public async Task OversizeMessage_IsResourceExhausted_AndCounted()
    {
        var before = await _collector.MetricAsync("sonla_collector_oversize_messages_total");
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        var huge = Samples.Device("huge");
        huge.Fields.Add("blob", new FieldValue { StringValue = new string('x', 100_000) });

        try
        {
            await agent.SendAsync(new AgentMessage { Batch = Samples.Batch(agent.BootId, 9, huge) });
        }
        catch (RpcException)
        {
            // The server may end the call while the client is still writing; the status comes from the read.
        }

        var ex = await Assert.ThrowsAsync<RpcException>(agent.ReadAsync);

        // Usually the agent reads ResourceExhausted; when Kestrel resets the stream (the request body
        // was not read to its end) before the client reads the trailers, the client sees Cancelled.
        // The server-side count is the real check.
        Assert.Contains(ex.StatusCode, new[] { StatusCode.ResourceExhausted, StatusCode.Cancelled });
        Assert.Equal(before + 1, await _collector.MetricAsync("sonla_collector_oversize_messages_total"));
    }

    [Fact]
    public async Task HealthAndMetrics_ReportOkAndCounts()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        Assert.Equal(CollectorMessage.KindOneofCase.Ack,
            (await agent.SendBatchAsync(Samples.Batch(agent.BootId, 11, Samples.Device("metrics-device", Samples.Time + 99)))).KindCase);

        var health = await _collector.HealthAsync();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("influx").GetString());
        Assert.True(health.GetProperty("connected_agents").GetInt64() >= 1);

        var metrics = await _collector.MetricsAsync();
        Assert.Contains("# TYPE sonla_collector_batches_received_total counter", metrics, StringComparison.Ordinal);
        Assert.True(await _collector.MetricAsync("sonla_collector_batches_stored_total") >= 1);
        Assert.True(await _collector.MetricAsync("sonla_collector_points_written_total") >= 1);
        Assert.True(await _collector.MetricAsync("sonla_collector_connected_agents") >= 1);
        Assert.Equal(1, await _collector.MetricAsync("sonla_collector_influx_up"));
        Assert.DoesNotContain(CollectorHost.Token, metrics, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing.Influx;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>The pipelined agent stream, the write stage and the delivery accounting, against a real influxd 1.6.7.</summary>
public sealed class WriteStageInfluxServerTests : IAsyncLifetime
{
    private readonly RecordingObserver _observer = new();
    private InfluxServer _influx = null!;
    private CollectorHost _collector = null!;

    public async Task InitializeAsync()
    {
        _influx = await InfluxServer.StartAsync();
        _collector = await CollectorHost.StartAsync(_influx.Url, services =>
        {
            services.AddSingleton<IBatchObserver, FailingObserver>();
            services.AddSingleton<IBatchObserver>(_observer);
        }, "--Ingest:MaxWritesInFlight=1");
    }

    public async Task DisposeAsync()
    {
        await _collector.DisposeAsync();
        await _influx.DisposeAsync();
    }

    private static SampleBatch Poll(string bootId, ulong sequence, string device, long time, int interfaces = 10)
    {
        var batch = Samples.Batch(bootId, sequence, Samples.Device(device, time));
        for (var i = 1; i <= interfaces; i++)
        {
            batch.Points.Add(Samples.Interface(device, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "eth" + i, time));
        }

        return batch;
    }

    private static async Task<Dictionary<ulong, CollectorMessage>> AnswersAsync(AgentStream agent, int count)
    {
        var answers = new Dictionary<ulong, CollectorMessage>();
        while (answers.Count < count)
        {
            var message = await agent.ReadAsync();
            var sequence = message.KindCase switch
            {
                CollectorMessage.KindOneofCase.Ack => message.Ack.Sequence,
                CollectorMessage.KindOneofCase.Reject => message.Reject.Sequence,
                _ => throw new InvalidOperationException("unexpected " + message.KindCase),
            };
            Assert.True(answers.TryAdd(sequence, message), $"batch {sequence} answered twice");
        }

        return answers;
    }

    [Fact]
    public async Task AWindowOfBatches_IsPipelined_AllAckedOnce_StoredOnce_InFewerWritesThanBatches()
    {
        const int Batches = 200;
        var writesBefore = await _collector.MetricAsync("sonla_collector_influx_writes_total");
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);

        // The whole backlog without waiting for answers: 200 device polls of 11 points, one minute apart.
        for (var sequence = 1; sequence <= Batches; sequence++)
        {
            await agent.SendAsync(new AgentMessage { Batch = Poll(agent.BootId, (ulong)sequence, "router", Samples.Time + (sequence * 60_000_000_000L)) });
        }

        var answers = await AnswersAsync(agent, Batches);

        Assert.All(answers.Values, a => Assert.Equal(CollectorMessage.KindOneofCase.Ack, a.KindCase));
        Assert.Equal(Enumerable.Range(1, Batches).Select(i => (ulong)i), answers.Keys.Order());
        var count = Assert.Single(await _influx.QueryRowsAsync("SELECT count(in_octets) FROM interface WHERE site = 'chieng-coi'"));
        Assert.Equal(Batches * 10, count["count"].GetInt64());
        var writes = await _collector.MetricAsync("sonla_collector_influx_writes_total") - writesBefore;
        Assert.True(writes < Batches, $"{writes} writes for {Batches} batches");
        Assert.Equal(Batches, await _collector.SiteMetricAsync("sonla_collector_site_batches_received_total", CollectorHost.SiteId));
        Assert.Equal(0, await _collector.SiteMetricAsync("sonla_collector_site_sequence_missing", CollectorHost.SiteId));
    }

    [Fact]
    public async Task RefusedBatch_AmongOtherAgentsGoodOnes_OnlyItIsRejected()
    {
        using var good = new AgentStream(_collector.Connect(CollectorHost.Token));
        using var bad = new AgentStream(_collector.Connect(CollectorHost.OtherToken));
        await good.HelloAsync(CollectorHost.SiteId);
        await bad.HelloAsync(CollectorHost.OtherSiteId);
        // Fix the field's type first: reachable is an integer.
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await good.SendBatchAsync(Samples.Batch(good.BootId, 1, Samples.Device("router")))).KindCase);

        var conflicting = Samples.Device("router", Samples.Time + 7);
        conflicting.Fields["reachable"] = new FieldValue { StringValue = "yes" };
        var sends = new List<Task>();
        for (var sequence = 2UL; sequence <= 41; sequence++)
        {
            sends.Add(good.SendAsync(new AgentMessage { Batch = Poll(good.BootId, sequence, "router", Samples.Time + ((long)sequence * 1000)) }));
            if (sequence == 20)
            {
                await bad.SendAsync(new AgentMessage { Batch = Samples.Batch(bad.BootId, 1, conflicting) });
                await bad.SendAsync(new AgentMessage { Batch = Poll(bad.BootId, 2, "router", Samples.Time + 9) });
            }

            await sends[^1];
        }

        var goodAnswers = await AnswersAsync(good, 40);
        var badAnswers = await AnswersAsync(bad, 2);

        Assert.All(goodAnswers.Values, a => Assert.Equal(CollectorMessage.KindOneofCase.Ack, a.KindCase));
        Assert.Equal(CollectorMessage.KindOneofCase.Reject, badAnswers[1].KindCase);
        Assert.Contains("field type conflict", badAnswers[1].Reject.Reason, StringComparison.Ordinal);
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, badAnswers[2].KindCase);
        var stored = Assert.Single(await _influx.QueryRowsAsync("SELECT count(in_octets) FROM interface WHERE site = 'chieng-coi'"));
        Assert.Equal(400L, stored["count"].GetInt64());
    }

    [Fact]
    public async Task Backfill_IsStoredLikeLive_ObserversSeeTheFlag_AndItIsCounted()
    {
        var pointsBefore = await _collector.SiteMetricAsync("sonla_collector_site_backfill_points_total", CollectorHost.SiteId).ContinueWith(t => t.IsFaulted ? 0 : t.Result);
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        var live = Poll(agent.BootId, 2, "router", Samples.Time + 120_000_000_000L, interfaces: 2);
        live.Events.Add(Samples.LinkDown("router", Samples.Time + 120_000_000_001L));
        var old = Poll(agent.BootId, 1, "router", Samples.Time, interfaces: 2);
        old.Backfill = true;

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(live)).KindCase);
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(old)).KindCase);

        var seen = _observer.Batches.Where(b => b.BootId == agent.BootId).OrderBy(b => b.Sequence).ToList();
        Assert.Equal(2, seen.Count);
        Assert.True(seen[0].Backfill);
        Assert.False(seen[1].Backfill);
        Assert.All(seen, b => Assert.Equal(CollectorHost.SiteId, b.SiteId));
        Assert.Equal(3, seen[0].Points.Count);
        Assert.Empty(seen[0].Events);
        var linkDown = Assert.Single(seen[1].Events);
        Assert.Contains(linkDown.Tags, t => t.Key == "kind" && t.Value == "link_down");
        Assert.Equal(3, seen[1].Samples.Count());
        Assert.Equal(pointsBefore + 3, await _collector.SiteMetricAsync("sonla_collector_site_backfill_points_total", CollectorHost.SiteId));
        var times = await _influx.QueryRowsAsync($"SELECT reachable FROM device WHERE site = 'chieng-coi' AND time <= {Samples.Time + 120_000_000_000L}");
        Assert.Equal([Samples.Time, Samples.Time + 120_000_000_000L], times.Select(r => r["time"].GetInt64()));
    }

    [Fact]
    public async Task Sequences_HolesAndDuplicates_AreOnMetricsPerSite()
    {
        using (var agent = new AgentStream(_collector.Connect(CollectorHost.OtherToken)))
        {
            await agent.HelloAsync(CollectorHost.OtherSiteId);
            foreach (var sequence in new ulong[] { 1, 2, 6, 9 })
            {
                Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(Samples.Batch("boot-a", sequence, Samples.Device("fw", Samples.Time + (long)sequence)))).KindCase);
            }

            Assert.Equal(5, await _collector.SiteMetricAsync("sonla_collector_site_sequence_missing", CollectorHost.OtherSiteId));

            // The ack of 6 was lost: it comes again; then the backlog fills 3..5.
            foreach (var sequence in new ulong[] { 6, 3, 4, 5 })
            {
                Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(Samples.Batch("boot-a", sequence, Samples.Device("fw", Samples.Time + (long)sequence)))).KindCase);
            }
        }

        Assert.Equal(8, await _collector.SiteMetricAsync("sonla_collector_site_batches_received_total", CollectorHost.OtherSiteId));
        Assert.Equal(1, await _collector.SiteMetricAsync("sonla_collector_site_batches_duplicate_total", CollectorHost.OtherSiteId));
        Assert.Equal(2, await _collector.SiteMetricAsync("sonla_collector_site_sequence_missing", CollectorHost.OtherSiteId));
        Assert.Equal(0, await _collector.SiteMetricAsync("sonla_collector_site_sequence_gaps_total", CollectorHost.OtherSiteId));
        Assert.Equal(7, (await _influx.QueryRowsAsync("SELECT reachable FROM device WHERE device = 'fw'")).Count);
    }

    [Fact]
    public async Task MergedBacklogBatch_OneAnswer_EachMergedSequenceCountedAndStored()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.OtherToken));
        await agent.HelloAsync(CollectorHost.OtherSiteId);
        var polls = Enumerable.Range(1, 3).Select(i => Poll("boot-m", (ulong)i, "merged", Samples.Time + (i * 60_000_000_000L), interfaces: 4)).ToList();
        var merged = CompactBatchCodec.Merge(polls);
        merged.Backfill = true;

        var reply = await agent.SendBatchAsync(merged);

        Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        Assert.Equal(("boot-m", 1UL), (reply.Ack.BootId, reply.Ack.Sequence));
        Assert.Equal([2UL, 3UL], merged.MergedSequences);
        Assert.Equal(3, await _collector.SiteMetricAsync("sonla_collector_site_batches_received_total", CollectorHost.OtherSiteId));
        Assert.Equal(0, await _collector.SiteMetricAsync("sonla_collector_site_sequence_missing", CollectorHost.OtherSiteId));
        Assert.Equal(15, await _collector.SiteMetricAsync("sonla_collector_site_backfill_points_total", CollectorHost.OtherSiteId));
        var seen = Assert.Single(_observer.Batches, b => b.BootId == "boot-m");
        Assert.Equal([2UL, 3UL], seen.MergedSequences);
        var count = Assert.Single(await _influx.QueryRowsAsync("SELECT count(in_octets) FROM interface WHERE device = 'merged'"));
        Assert.Equal(12L, count["count"].GetInt64());

        // The same merged batch again (its ack was lost): three duplicates.
        Assert.Equal(CollectorMessage.KindOneofCase.Ack, (await agent.SendBatchAsync(merged)).KindCase);
        Assert.Equal(3, await _collector.SiteMetricAsync("sonla_collector_site_batches_duplicate_total", CollectorHost.OtherSiteId));
    }

    [Fact]
    public async Task AgentClosesItsSide_OutstandingBatchesAreStillAnswered_ThenTheCallEndsOk()
    {
        using var agent = new AgentStream(_collector.Connect(CollectorHost.Token));
        await agent.HelloAsync(CollectorHost.SiteId);
        for (var sequence = 1UL; sequence <= 30; sequence++)
        {
            await agent.SendAsync(new AgentMessage { Batch = Poll(agent.BootId, sequence, "closing", Samples.Time + (long)sequence) });
        }

        await agent.CompleteAsync();
        var answers = await AnswersAsync(agent, 30);

        Assert.All(answers.Values, a => Assert.Equal(CollectorMessage.KindOneofCase.Ack, a.KindCase));
        await Assert.ThrowsAsync<InvalidOperationException>(agent.ReadAsync);
    }
}

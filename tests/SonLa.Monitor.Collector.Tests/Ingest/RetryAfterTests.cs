using Grpc.Core;
using SonLa.Monitor.Collector.Tests.Storage;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>An InfluxDB that answers 503 with Retry-After (a recording server stands in for it).</summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task RetryAfter_IsPassedToAgents_AndInfluxIsLeftAloneMeanwhile()
    {
        await using var influx = await RecordingHttpServer.StartAsync();
        influx.Status = 503;
        influx.ResponseHeaders["Retry-After"] = "300";
        await using var collector = await CollectorHost.StartAsync(influx.Url, "--Influx:ProbeSeconds=3600");

        // The start-up probe meets the 503 and learns to wait.
        await Poll.UntilAsync(async () => (await collector.HealthAsync()).GetProperty("influx").GetString() == "unreachable",
            TimeSpan.FromSeconds(30), "the start-up probe to find InfluxDB unavailable");
        var requests = influx.Requests.Count;

        for (var sequence = 1UL; sequence <= 2; sequence++)
        {
            using var agent = new AgentStream(collector.Connect(CollectorHost.Token));
            await agent.HelloAsync(CollectorHost.SiteId);
            var ex = await Assert.ThrowsAsync<RpcException>(() => agent.SendBatchAsync(Samples.Batch(agent.BootId, sequence, Samples.Device("r"))));

            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            var retryAfter = int.Parse(ex.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 300);
        }

        Assert.Equal(requests, influx.Requests.Count);
        Assert.Equal(2, await collector.MetricAsync("sonla_collector_batches_unstored_total"));
    }
}

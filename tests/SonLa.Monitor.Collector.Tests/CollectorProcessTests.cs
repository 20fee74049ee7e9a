using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Influx;
using SonLa.Monitor.Testing.Processes;

namespace SonLa.Monitor.Collector.Tests;

/// <summary>
/// The built sonla-collector.dll configured the way the demo does it (environment variables, an
/// HTTP/2-only h2c endpoint for gRPC and an HTTP/1.1 one for /healthz, both on loopback), with a
/// real influxd.
/// </summary>
public sealed class CollectorProcessTests
{
    private const string Token = "demo-token-Zq8v1xYk3Lw0pT6r";

    [Fact]
    public async Task DemoStyleConfig_ServesGrpcAndHealthz_AndNeverLogsTheToken()
    {
        await using var influx = await InfluxServer.StartAsync();
        using var dir = new TempDirectory("sonla-collector-process");
        var grpcPort = FreePort.Tcp();
        var httpPort = FreePort.Tcp();
        using var process = BuiltProgram.Start(BuiltProgram.CollectorDll, [], dir.File("collector.log"), new Dictionary<string, string>
        {
            ["Influx__Url"] = influx.Url,
            ["Influx__Version"] = "1",
            ["Influx__Database"] = "sonla_monitor",
            ["Agents__0__SiteId"] = "chieng-coi",
            ["Agents__0__Token"] = Token,
            ["Sites__0__Id"] = "chieng-coi",
            ["Sites__0__Name"] = "Xã Chiềng Cơi",
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel__Endpoints__Http__Protocols"] = "Http1",
        }, dir.Path);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await Poll.UntilAsync(async () =>
        {
            Assert.False(process.HasExited, process.ReadLog());
            using var response = await http.GetAsync("/healthz");
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "sonla-collector /healthz");

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var client = new AgentGateway.AgentGatewayClient(channel);
        using (var agent = new AgentStream(client.Connect(new Metadata { { "authorization", "Bearer " + Token } })))
        {
            await agent.HelloAsync("chieng-coi");
            var reply = await agent.SendBatchAsync(Samples.Batch(agent.BootId, 1, Samples.Interface("router", "1", "Cổng quang")));
            Assert.Equal(CollectorMessage.KindOneofCase.Ack, reply.KindCase);
        }

        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Contains("sonla_collector_batches_stored_total 1", await http.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Equal("Cổng quang", Assert.Single(await influx.QueryRowsAsync("SELECT if_name, in_octets FROM interface"))["if_name"].GetString());

        process.Kill();
        var log = process.ReadLog();
        Assert.Contains("Agent of site chieng-coi connected", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, log, StringComparison.Ordinal);
        // The gRPC endpoint is HTTP/2-only, so no "agents cannot connect" warning for the HTTP/1.1 one.
        Assert.DoesNotContain("[1001]", log, StringComparison.Ordinal);
    }
}

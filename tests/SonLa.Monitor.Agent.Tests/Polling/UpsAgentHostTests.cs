using SonLa.Monitor.Agent.Hosting;
using SonLa.Monitor.Agent.Tests.Hosting;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Polling;

/// <summary>
/// The whole agent in-process from agent.json: a UPS (real snmpd) on battery at start and a ping target on loopback;
/// the ups point, the power_lost event and the ping point reach an in-test collector.
/// </summary>
[Collection(nameof(ConsoleErrorCollection))]
public sealed class UpsAgentHostTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-ups");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_UpsOnBatteryAtStart_AndPingTarget_ReachTheCollector()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var snmpd = await SnmpdServer.StartAsync(UpsMibRows.DeviceOptions("ups", SimulatedUps.OnBattery(90, chargePercent: 64, minutesRemaining: 18)));
        var path = _dir.File("agent.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "Site": { "Id": "chieng-coi", "Name": "Xã Chiềng Cơi" },
              "Collector": { "Url": "{{gateway.Url}}", "Token": "site-token-5678" },
              "Outbox": { "Directory": "{{_dir.File("outbox")}}" },
              "Devices": [ { "Name": "ups", "Host": "{{snmpd.Address}}", "Community": "public", "Role": "ups", "TimeoutSeconds": 3 } ],
              "Ping": [ { "Name": "gateway", "Host": "127.0.0.1", "Count": 2 } ],
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            """);

        using var cts = new CancellationTokenSource();
        var run = AgentHost.RunAsync(path, [], cts.Token);
        await Poll.UntilAsync(() =>
        {
            var points = gateway.Batches.SelectMany(b => b.Batch.Points).ToList();
            return points.Any(p => p.Measurement == "ups") && points.Any(p => p.Measurement == "ping") &&
                gateway.Batches.SelectMany(b => b.Batch.Events).Any(e => e.Kind == "power_lost");
        }, TimeSpan.FromSeconds(30), "ups point, power_lost and ping point at the collector");
        await cts.CancelAsync();
        Assert.Equal(AgentHost.ExitOk, await run.WaitAsync(TimeSpan.FromSeconds(30)));

        var all = gateway.Batches.SelectMany(b => b.Batch.Points).ToList();
        var ups = all.First(p => p.Measurement == "ups");
        Assert.Equal(("chieng-coi", "ups"), (ups.Tags["site"], ups.Tags["device"]));
        Assert.Equal((1L, 64L, 18L), (ups.Fields["on_battery"].IntValue, ups.Fields["battery_percent"].IntValue, ups.Fields["runtime_min"].IntValue));
        var lost = Assert.Single(gateway.Batches.SelectMany(b => b.Batch.Events), e => e.Kind == "power_lost");
        Assert.Equal("ups", lost.Device);
        Assert.StartsWith("UPS on battery at agent start", lost.Message, StringComparison.Ordinal);
        var ping = all.First(p => p.Measurement == "ping");
        Assert.Equal(("chieng-coi", "gateway"), (ping.Tags["site"], ping.Tags["target"]));
        Assert.Equal(0, ping.Fields["loss_percent"].DoubleValue);
        Assert.True(ping.Fields.ContainsKey("rtt_ms"));
        Assert.Contains(gateway.Hellos.First().Devices, d => d.Name == "ups" && d.Role == "ups");
    }
}

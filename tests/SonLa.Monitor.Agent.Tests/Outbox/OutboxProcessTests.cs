using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Outbox;

/// <summary>The built <c>sonla-agent run</c> with its disk outbox, against real snmpd and in-process collectors.</summary>
public sealed class OutboxProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-outbox-process");

    public void Dispose() => _dir.Dispose();

    private string WriteConfig(Uri collector, string device, string outbox)
    {
        var config = _dir.File("agent.json");
        File.WriteAllText(config, $$"""
            {
              "Site": { "Id": "chieng-coi" },
              "Collector": { "Url": "{{collector}}", "Token": "process-token-1" },
              "Outbox": { "Directory": "{{outbox}}", "MaxMegabytes": 16 },
              "Devices": [ { "Name": "router", "Host": "{{device}}", "Community": "public", "IntervalSeconds": 1, "TimeoutSeconds": 3 } ]
            }
            """);
        return config;
    }

    [Theory]
    [InlineData("missing-parent/outbox", "does not exist")]
    [InlineData("a-file", "is a file, not a folder")]
    public async Task UnusableOutboxDirectory_OneLine_ExitCode2(string directory, string reason)
    {
        File.WriteAllText(_dir.File("a-file"), "x");
        // The agent stops at the outbox check, before it reaches for the collector or the device.
        var config = WriteConfig(new Uri($"http://127.0.0.1:{FreePort.Tcp()}"), $"127.0.0.1:{FreePort.Udp()}", directory);
        using var agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", config], _dir.File("agent.log"));
        var code = await agent.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var log = agent.ReadLog();
        Assert.True(code == 2, $"exit code {code}, log:\n{log}");
        var line = Assert.Single(log.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sonla-agent: configuration error: Outbox:Directory: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kill9WithABacklog_RestartResumes_AckedBatchesNotResent_NothingLost()
    {
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", [new SimulatedInterface(1, "wan0")]));
        var bootId = "";
        await using (var silent = await TestGateway.StartAsync())
        {
            // The first collector acknowledges the first three batches, then stops acknowledging (InfluxDB down).
            silent.Decide = (_, batch) => batch.Sequence <= 3 ? BatchDecision.Ack : BatchDecision.Ignore;
            var config = WriteConfig(silent.Url, snmpd.Address, "outbox");
            using var agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", config], _dir.File("agent-1.log"));
            await Poll.UntilAsync(() => silent.Batches.Count(b => b.Batch.Points.Any(p => p.Measurement == "interface")) >= 6,
                TimeSpan.FromSeconds(60), "interface batches from the first run");
            agent.Kill();
            await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));
            bootId = silent.Batches.First().Batch.BootId;
            var seen = silent.Batches.Select(b => b.Batch.Sequence).ToHashSet();

            await using var collector = await TestGateway.StartAsync();
            WriteConfig(collector.Url, snmpd.Address, "outbox");
            using var restarted = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", config], _dir.File("agent-2.log"));
            try
            {
                await Poll.UntilAsync(() => seen.Where(s => s > 3).All(s => collector.Batches.Any(b => b.Batch.BootId == bootId && b.Batch.Sequence == s)),
                    TimeSpan.FromSeconds(60), "every unacknowledged batch of the first run delivered after the restart");
                await Poll.UntilAsync(() => collector.Batches.Any(b => b.Batch.BootId != bootId && !b.Batch.Backfill), TimeSpan.FromSeconds(60), "live data of the second run");
            }
            catch (TimeoutException ex)
            {
                // Which of the first run's unacknowledged batches never came, and what did: for the next time this fails.
                var delivered = collector.Batches.Where(b => b.Batch.BootId == bootId).Select(b => b.Batch.Sequence).ToHashSet();
                var missing = string.Join(",", seen.Where(s => s > 3 && !delivered.Contains(s)).Order());
                throw new TimeoutException(ex.Message + $" Missing sequences: {missing}; delivered: {string.Join(",", delivered.Order())};"
                    + $" batches from the new boot: {collector.Batches.Count(b => b.Batch.BootId != bootId)}. Agent log:\n" + restarted.ReadLog()
                    + "\nFirst run's log:\n" + File.ReadAllText(_dir.File("agent-1.log")), ex);
            }

            var old = collector.Batches.Where(b => b.Batch.BootId == bootId).ToList();
            Assert.DoesNotContain(old, b => b.Batch.Sequence <= 3);
            Assert.Equal(old.Count, old.Select(b => b.Batch.Sequence).Distinct().Count());
            Assert.All(old, b => Assert.True(b.Batch.Backfill));
            restarted.Kill();
            await restarted.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.NotEmpty(bootId);
    }
}

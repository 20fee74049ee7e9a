using System.Diagnostics;
using System.Globalization;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Hosting;

/// <summary>The built <c>sonla-agent run</c> as a child process: what systemd sees.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-process");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_StopsCleanlyWithExitCode0(string signal)
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", [new SimulatedInterface(1, "wan0")]));
        var config = _dir.File("agent.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Site": { "Id": "chieng-coi" },
              "Collector": { "Url": "{{gateway.Url}}", "Token": "process-token-1", "BatchSeconds": 0.2 },
              "Devices": [ { "Name": "router", "Host": "{{snmpd.Address}}", "Community": "public", "TimeoutSeconds": 3 } ]
            }
            """);
        using var agent = BuiltProgram.Start(BuiltProgram.AgentDll, ["run", "--config", config], _dir.File("agent.log"));
        try
        {
            await Poll.UntilAsync(() => gateway.Batches.Any(b => b.Batch.Points.Any(p => p.Measurement == "interface")),
                TimeSpan.FromSeconds(30), "interface points from the agent process");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + " Agent log:\n" + agent.ReadLog(), ex);
        }

        using (var kill = Process.Start("kill", ["-" + signal, agent.Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var code = await agent.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var log = agent.ReadLog();
        Assert.True(code == 0, $"exit code {code}, log:\n{log}");
        Assert.Contains("sonla-agent stopping", log, StringComparison.Ordinal);
        Assert.DoesNotContain("process-token-1", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", log, StringComparison.Ordinal);
    }
}

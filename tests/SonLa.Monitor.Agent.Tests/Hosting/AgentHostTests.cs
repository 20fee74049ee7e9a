using SonLa.Monitor.Agent.Hosting;
using SonLa.Monitor.Agent.Tests.Uplink;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Agent.Tests.Hosting;

/// <summary>The whole agent in-process: agent.json → real snmpd polled → batches on an in-test collector (h2c, loopback).</summary>
[Collection(nameof(ConsoleErrorCollection))]
public sealed class AgentHostTests : IDisposable
{
    private readonly TempDirectory _dir = new("sonla-agent-host");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task BrokenJson_ExitCode2AndOneLine()
    {
        var path = _dir.File("agent.json");
        await File.WriteAllTextAsync(path, "{ \"Site\": { \"Id\": \"x\" } \"Collector\": { } }");
        var (code, stderr) = await RunCapturingStderrAsync(path);
        Assert.Equal(AgentHost.ExitConfigurationError, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("invalid JSON at line 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSettings_ExitCode2AndEveryErrorNamedWithoutSecrets()
    {
        var path = _dir.File("agent.json");
        await File.WriteAllTextAsync(path, """
            { "Site": { "Id": "x" }, "Collector": { "Url": "http://noc.example:5000", "Token": "t0ken-value" },
              "Devices": [ { "Name": "r", "Host": "1.2.3.4:0", "Community": "c0mm-value", "Version": "4" } ] }
            """);
        var (code, stderr) = await RunCapturingStderrAsync(path);
        Assert.Equal(AgentHost.ExitConfigurationError, code);
        Assert.Contains("Collector:Url: plain http is allowed only to a loopback host", stderr, StringComparison.Ordinal);
        Assert.Contains("Devices:0:Host: not a valid HOST[:PORT]", stderr, StringComparison.Ordinal);
        Assert.Contains("Devices:0:Version: must be 1, 2c or 3", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("t0ken-value", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("c0mm-value", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PollsDevicesAndStreamsToTheCollector_StopsCleanly()
    {
        await using var gateway = await TestGateway.StartAsync();
        await using var snmpd = await SnmpdServer.StartAsync(IfMibRows.DeviceOptions("router", [new SimulatedInterface(1, "wan0") { Alias = "Cáp quang VNPT", InOctets = 10 }]));
        var path = _dir.File("agent.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "Site": { "Id": "chieng-coi", "Name": "Xã Chiềng Cơi" },
              "Collector": { "Url": "{{gateway.Url}}", "Token": "site-token-5678", "BatchSeconds": 0.2 },
              "Devices": [
                { "Name": "router", "Host": "{{snmpd.Address}}", "Version": "2c", "Community": "public", "IntervalSeconds": 60, "TimeoutSeconds": 3 },
                { "Name": "ups", "Host": "127.0.0.1:9", "Version": "3", "User": "mon", "Level": "authNoPriv", "AuthProtocol": "SHA", "AuthPassphrase": "12345678" }
              ],
              "Logging": { "LogLevel": { "Default": "Warning" } }
            }
            """);

        using var cts = new CancellationTokenSource();
        var run = AgentHost.RunAsync(path, [], cts.Token);
        await Poll.UntilAsync(
            () => gateway.Batches.SelectMany(b => b.Batch.Points).Any(p => p.Measurement == "interface" && p.Tags["if_name"] == "wan0"),
            TimeSpan.FromSeconds(30), "an interface point at the collector");
        await cts.CancelAsync();
        Assert.Equal(AgentHost.ExitOk, await run.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.All(gateway.Authorizations, a => Assert.Equal("Bearer site-token-5678", a));
        Assert.Equal("chieng-coi", gateway.Hellos.First().SiteId);
        var points = gateway.Batches.SelectMany(b => b.Batch.Points).ToList();
        var device = Assert.Single(points, p => p.Measurement == "device");
        Assert.Equal(("chieng-coi", "router", 1L), (device.Tags["site"], device.Tags["device"], device.Fields["reachable"].IntValue));
        Assert.Equal("Cáp quang VNPT", points.Single(p => p.Measurement == "interface").Fields["if_alias"].StringValue);
        Assert.Contains(points, p => p.Measurement == "agent" && p.Fields.ContainsKey("outbox_bytes") && p.Fields.ContainsKey("outbox_oldest_s") && p.Fields.ContainsKey("rates_refused") && p.Fields["version"].StringValue.Length > 0);
        // The SNMPv3 device is not polled (warning at start-up), so no point names it.
        Assert.DoesNotContain(points, p => p.Tags.TryGetValue("device", out var d) && d == "ups");
    }

    private static async Task<(int Code, string Stderr)> RunCapturingStderrAsync(string path)
    {
        var original = Console.Error;
        using var capture = new StringWriter();
        Console.SetError(capture);
        try
        {
            var code = await AgentHost.RunAsync(path, [], CancellationToken.None);
            return (code, capture.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}

/// <summary>Tests that redirect Console.Error run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleErrorCollection), DisableParallelization = true)]
public sealed class ConsoleErrorCollection;

using System.Text.Json;
using SonLa.Monitor.Testing;
using SonLa.Monitor.Testing.Processes;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.EndToEnd.Tests;

/// <summary>net-snmp's snmptrap/snmpinform → sonla-agent run (Traps:Listen) → sonla-collector → InfluxDB `event`.</summary>
public sealed class TrapsToInfluxTests
{
    private const string Community = "e2e-trap-community";
    private const string User = "trapper";
    private const string AuthPassphrase = "e2e-trap-auth";
    private const string PrivPassphrase = "e2e-trap-priv";
    private const string SenderEngineId = "0x8000000001020304";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TrapsAndInformsOfEveryVersion_AreStoredAsEvents_AndBadCredentialsAreNot()
    {
        await using var stack = await MonitoringStack.StartAsync();
        var trapPort = FreePort.Udp();
        var target = $"127.0.0.1:{trapPort}";
        stack.StartAgent(
            [new { Name = "router", Host = $"127.0.0.1:{FreePort.Udp()}", Version = "2c", Community = "public", IntervalSeconds = 3600, TimeoutSeconds = 1, Retries = 0 }],
            new
            {
                Listen = target,
                Communities = new[] { Community },
                Users = new[]
                {
                    new { User, EngineId = SenderEngineId, Level = "authPriv", AuthProtocol = "SHA", AuthPassphrase, PrivProtocol = "AES", PrivPassphrase },
                },
            });
        await Poll.UntilAsync(() => Task.FromResult(stack.AgentLog.Contains("Receiving SNMP traps on", StringComparison.Ordinal)),
            Deadline, "the agent's trap receiver");

        string[] v3 = ["-v", "3", "-u", User, "-l", "authPriv", "-a", "SHA", "-A", AuthPassphrase, "-x", "AES", "-X", PrivPassphrase];

        // The bad ones first: once the good ones are stored, these were processed (one receiver, in order).
        await ToolAsync("snmptrap", ["-v", "2c", "-c", "wrong-community", target, "1", ".1.3.6.1.6.3.1.1.5.5"]);
        await ToolAsync("snmptrap", ["-v", "3", "-e", SenderEngineId, "-u", User, "-l", "authPriv", "-a", "SHA", "-A", "wrong-auth-pass", "-x", "AES", "-X", PrivPassphrase,
            target, "1", ".1.3.6.1.4.1.99999.0.666"]);

        await ToolAsync("snmptrap", ["-v", "1", "-c", Community, target, ".1.3.6.1.4.1.99999", "127.0.0.1", "2", "0", "100",
            ".1.3.6.1.2.1.2.2.1.1.3", "i", "3", ".1.3.6.1.2.1.2.2.1.2.3", "s", "ge-0/0/2"]);
        await ToolAsync("snmptrap", ["-v", "2c", "-c", Community, target, "200", ".1.3.6.1.6.3.1.1.5.4",
            ".1.3.6.1.2.1.2.2.1.1.4", "i", "4", ".1.3.6.1.2.1.2.2.1.2.4", "s", "Cổng LAN"]);
        await ToolAsync("snmptrap", [.. v3[..2], "-e", SenderEngineId, .. v3[2..], target, "300", ".1.3.6.1.4.1.99999.0.7",
            ".1.3.6.1.4.1.99999.1.0", "s", "Mất điện lưới"]);
        await ToolAsync("snmpinform", ["-v", "2c", "-c", Community, "-t", "2", "-r", "3", target, "400", ".1.3.6.1.6.3.1.1.5.1"]);
        await ToolAsync("snmpinform", [.. v3, "-t", "2", "-r", "3", target, "500", ".1.3.6.1.6.3.1.1.5.2"]);

        var rows = await stack.WaitForRowsAsync(
            $"SELECT * FROM event WHERE site = '{MonitoringStack.SiteId}' AND device = 'router' AND kind != 'unreachable'",
            r => r.Count >= 5);
        Assert.Equal(5, rows.Count);
        var byKind = rows.ToDictionary(r => r["kind"].GetString()!);
        Assert.Equal(["cold_start", "link_down", "link_up", "trap", "warm_start"], byKind.Keys.Order());

        var down = byKind["link_down"];
        Assert.Equal("3", down["if_index"].GetString());
        Assert.Equal("interface 3 (ge-0/0/2) went down (linkDown trap)", down["message"].GetString());
        Assert.Equal("127.0.0.1", down["vb_1_3_6_1_6_3_18_1_3_0"].GetString());
        Assert.Equal(".1.3.6.1.4.1.99999", down["vb_1_3_6_1_6_3_1_1_4_3_0"].GetString());
        Assert.False(down.TryGetValue("vb_1_3_6_1_6_3_18_1_4_0", out var community) && community.ValueKind == JsonValueKind.String,
            "the v1 community must not be stored");

        var up = byKind["link_up"];
        Assert.Equal("4", up["if_index"].GetString());
        Assert.Equal("Cổng LAN", up["vb_1_3_6_1_2_1_2_2_1_2_4"].GetString());

        var enterprise = byKind["trap"];
        Assert.Equal(".1.3.6.1.4.1.99999.0.7", enterprise["trap_oid"].GetString());
        Assert.Equal("Mất điện lưới", enterprise["vb_1_3_6_1_4_1_99999_1_0"].GetString());
        Assert.Equal("300", enterprise["vb_1_3_6_1_2_1_1_3_0"].GetString());

        Assert.Equal(".1.3.6.1.6.3.1.1.5.1", byKind["cold_start"]["trap_oid"].GetString());
        Assert.Equal(".1.3.6.1.6.3.1.1.5.2", byKind["warm_start"]["trap_oid"].GetString());

        // Neither the wrong community (an authenticationFailure trap) nor the wrong v3 key got in.
        Assert.DoesNotContain(rows, r => r["kind"].GetString() == "auth_failure");
        Assert.DoesNotContain(rows, r => r["trap_oid"].GetString() == ".1.3.6.1.4.1.99999.0.666");
        Assert.DoesNotContain(Community, stack.AgentLog, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthPassphrase, stack.AgentLog, StringComparison.Ordinal);
    }

    private static async Task ToolAsync(string tool, string[] arguments)
    {
        var result = await SnmpdServer.RunToolAsync(tool, arguments);
        Assert.True(result.ExitCode == 0, $"{tool} exited {result.ExitCode}: {result.StandardError}");
    }
}

using System.Net;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>
/// A session survives what devices do: reboot (engine boots increase, engine time restarts) and
/// silence. Each test restarts its own snmpd (the persistent dir keeps engine id and boots).
/// </summary>
public sealed class UsmEngineTimeSnmpdTests
{
    private static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse(".1.3.6.1.2.1.1.3.0");

    [Fact]
    public async Task AgentRestart_BetweenTwoGets_ResynchronisesOnTheSameClient()
    {
        await using var server = await StartAsync();
        await using var client = new SnmpClient();
        var target = Target(server);
        await client.GetAsync(target, [SysUpTime]);
        Assert.True(client.TryGetEngine(target.EndPoint, out var before));

        await server.RestartAsync();
        var after = await client.GetAsync(target, [SysUpTime]);

        Assert.Single(after);
        Assert.True(client.TryGetEngine(target.EndPoint, out var now));
        Assert.Equal(before.EngineIdHex, now.EngineIdHex);
        Assert.True(now.EngineBoots > before.EngineBoots, $"boots {before.EngineBoots} -> {now.EngineBoots}");
    }

    [Fact]
    public async Task AgentSilentThenBack_RecoversOnTheSameClient()
    {
        await using var server = await StartAsync();
        await using var client = new SnmpClient();
        var target = Target(server);
        await client.GetAsync(target, [SysUpTime]);

        server.Stop();
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(target with { Timeout = TimeSpan.FromSeconds(0.3), Retries = 0 }, [SysUpTime]));

        await server.RestartAsync();
        Assert.Single(await client.GetAsync(target, [SysUpTime]));
    }

    private static SnmpTarget Target(SnmpdServer server) =>
        new(new IPEndPoint(IPAddress.Loopback, server.Port))
        {
            Version = SnmpVersion.V3,
            Security = UsmSecurity.Create("ops", "authPriv", "SHA-256", "auth-pass-1", "AES", "priv-pass-1"),
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 2,
        };

    private static Task<SnmpdServer> StartAsync() => SnmpdServer.StartAsync(new SnmpdOptions
    {
        ExtraConfig = ["createUser ops SHA-256 \"auth-pass-1\" AES \"priv-pass-1\"", "rouser ops priv"],
    });
}

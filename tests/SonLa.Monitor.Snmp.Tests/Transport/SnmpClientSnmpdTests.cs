using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Transport;

/// <summary>GET / GETNEXT / GETBULK against a real snmpd, snmpget as the oracle.</summary>
[Collection(SnmpdCollection.Name)]
public sealed class SnmpClientSnmpdTests(SnmpdFixture fixture)
{
    private SnmpTarget Target => new(new IPEndPoint(IPAddress.Loopback, fixture.Server.Port)) { Timeout = TimeSpan.FromSeconds(2), Retries = 2 };

    [Fact]
    public async Task Get_EdgeValuesAndExceptions_MatchSnmpget()
    {
        string[] oids =
        [
            ".1.3.6.1.4.1.99999.1.1", ".1.3.6.1.4.1.99999.1.3", ".1.3.6.1.4.1.99999.1.9", ".1.3.6.1.4.1.99999.1.7",
            ".1.3.6.1.4.1.99999.1.11", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.99.0", ".1.3.6.1.2.1.1.5.1",
        ];
        var expected = await SnmpdServer.RunToolAsync("snmpget", ["-v2c", "-c", "public", "-On", fixture.Server.Address, .. oids]);
        Assert.Equal(0, expected.ExitCode);

        await using var client = new SnmpClient();
        var result = await client.GetAsync(Target, [.. oids.Select(ObjectIdentifier.Parse)], CancellationToken.None);
        var ours = string.Join('\n', result.Select(NetSnmpFormatter.Format)) + "\n";
        Assert.Equal(expected.StandardOutput, ours);
        Assert.Equal(SnmpType.NoSuchObject, result[6].Value.Type);
        Assert.Equal(SnmpType.NoSuchInstance, result[7].Value.Type);
    }

    [Fact]
    public async Task GetBulk_ReturnsMaxRepetitionsVarBinds()
    {
        await using var client = new SnmpClient();
        var result = await client.GetBulkAsync(Target, 0, 5, [ObjectIdentifier.Parse(SnmpdFixture.Root)], CancellationToken.None);
        Assert.Equal(5, result.Count);
        Assert.Equal(ObjectIdentifier.Parse(".1.3.6.1.4.1.99999.1.1"), result[0].Oid);
        Assert.Equal(4294967295u, result[0].Value.AsUInt32());
        Assert.Equal(ulong.MaxValue, result[2].Value.AsUInt64());
        Assert.Equal(int.MinValue, result[3].Value.AsInt32());
    }

    [Fact]
    public async Task GetNext_Vietnamese_IsText()
    {
        await using var client = new SnmpClient();
        var result = await client.GetNextAsync(Target, [ObjectIdentifier.Parse(".1.3.6.1.4.1.99999.1.8")], CancellationToken.None);
        Assert.True(Assert.Single(result).Value.TryGetText(out var text));
        Assert.Equal("Xã Chiềng Cơi", text);
    }

    [Fact]
    public async Task WrongCommunity_TimesOut()
    {
        // snmpd stays silent on a bad community (it only counts snmpInBadCommunityNames).
        await using var client = new SnmpClient();
        var target = Target with { Community = "wrong", Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 };
        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(
            () => client.GetAsync(target, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0")], CancellationToken.None));
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, client.Statistics.Retries);
    }
}

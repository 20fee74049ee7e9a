using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Walking;

/// <summary>
/// A real snmpd limited by <c>maxGetbulkRepeats</c> answers large GETBULKs truncated (never tooBig): the walk
/// goes on from the last OID it got and equals snmpbulkwalk's.
/// </summary>
public sealed class AdaptiveBulkSnmpdTests
{
    [Fact]
    public async Task SnmpdTruncatingBulkAnswers_WalkEqualsSnmpbulkwalk_NoReduction()
    {
        await using var snmpd = await SnmpdServer.StartAsync(new SnmpdOptions { ExtraConfig = ["maxGetbulkRepeats 3"] });
        var expected = await SnmpdServer.RunToolAsync("snmpbulkwalk", ["-v2c", "-c", "public", "-On", "-Cr50", snmpd.Address, ".1.3.6.1.2.1.1"]);
        Assert.Equal(0, expected.ExitCode);

        await using var client = new SnmpClient();
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, snmpd.Port)) { Version = SnmpVersion.V2c, MaxRepetitions = 50 };
        var lines = new List<string>();
        await foreach (var varBind in SnmpWalker.WalkAsync(client, target, ObjectIdentifier.Parse(".1.3.6.1.2.1.1")))
        {
            lines.Add(NetSnmpFormatter.Format(varBind));
        }

        var oracle = expected.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // sysUpTime ticks between the two walks: compare the OIDs.
        Assert.Equal(oracle.Select(l => l.Split(' ')[0]), lines.Select(l => l.Split(' ')[0]));
        Assert.True(lines.Count > 3);
        Assert.Null(client.BulkSizes.Limit(target.EndPoint));
    }
}

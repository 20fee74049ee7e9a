using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Walking;

/// <summary>Our walker and formatter against a real snmpd, with net-snmp's own tools as the oracle.</summary>
[Collection(SnmpdCollection.Name)]
public sealed class SnmpWalkerSnmpdTests(SnmpdFixture fixture)
{
    private SnmpTarget Target(SnmpVersion version = SnmpVersion.V2c) =>
        new(new IPEndPoint(IPAddress.Loopback, fixture.Server.Port)) { Version = version, Timeout = TimeSpan.FromSeconds(2), Retries = 2 };

    [Fact]
    public async Task EdgeValueSubtree_MatchesSnmpbulkwalkLineForLine()
    {
        var expected = await OracleAsync("snmpbulkwalk", "-v2c", "-Cr10", SnmpdFixture.Root);
        var ours = await WalkAsync(Target(), SnmpdFixture.Root);
        Assert.Equal(expected, ours);
        Assert.Equal(SnmpdFixture.EdgeRows.Count, ours.Count);
    }

    [Fact]
    public async Task EdgeValueSubtree_V1GetNext_MatchesSnmpwalk()
    {
        var expected = await OracleAsync("snmpwalk", "-v1", SnmpdFixture.Root);
        var ours = await WalkAsync(Target(SnmpVersion.V1), SnmpdFixture.Root);
        Assert.Equal(expected, ours);
    }

    [Fact]
    public async Task SparseTableColumn_EndsAtSubtreeEnd()
    {
        var ours = await WalkAsync(Target() with { MaxRepetitions = 2 }, SnmpdFixture.Root + ".2.1");
        Assert.Equal(
        [
            ".1.3.6.1.4.1.99999.2.1.1 = INTEGER: 1",
            ".1.3.6.1.4.1.99999.2.1.268435456 = INTEGER: 2",
            ".1.3.6.1.4.1.99999.2.1.4294967295 = INTEGER: 3",
        ], ours);
    }

    [Theory]
    [InlineData(".1.3.6.1.2.1.1.3.0")]
    [InlineData(".1.3.6.1.2.1.1.3.7")]
    [InlineData(".1.3.6.1.4.1.99999.5.4294967295")]
    [InlineData(".1.3.6.1.4.1.99999.1.3")]
    [InlineData(".1.3.6.1.9")]
    public async Task LeafOrEmptyRoot_FallsBackLikeSnmpbulkwalk(string root)
    {
        var expected = await OracleAsync("snmpbulkwalk", "-v2c", "-Cr10", root);
        var ours = await WalkAsync(Target(), root);
        // sysUpTime ticks between the two requests: compare everything but its number.
        Assert.Equal(expected.Select(MaskTicks), ours.Select(MaskTicks));
        Assert.NotEmpty(ours);
    }

    [Theory]
    [InlineData(".1.3.6.1.2.1.1.3.0")]
    [InlineData(".1.3.6.1.2.1.1.3.7")]
    [InlineData(".1.3.6.1.4.1.99999.1.9")]
    public async Task LeafOrMissingRoot_V1_FallsBackLikeSnmpwalk(string root)
    {
        // (snmpwalk -v1 past the end of the MIB also prints "End of MIB": that line is the CLI's.)
        var expected = await OracleAsync("snmpwalk", "-v1", root);
        var ours = await WalkAsync(Target(SnmpVersion.V1), root);
        Assert.Equal(expected.Where(l => l.Length > 0).Select(MaskTicks), ours.Select(MaskTicks));
    }

    [Fact]
    public async Task WholeMib2_MatchesSnmpbulkwalk()
    {
        // MIB-2 on a live host moves: sysUpTime, hrSystemUptime and the snmp/ip/udp/interface
        // counters tick, and the process, TCP/UDP endpoint tables change as other programs run. So
        // net-snmp walks twice around ours: every line that is identical in both of its walks is
        // stable and must be in ours exactly; every OID of ours must be in one of its walks; and
        // for the lines that moved, the type must still agree.
        var before = Records(await OracleAsync("snmpbulkwalk", "-v2c", "-Cr10", ".1.3.6.1.2.1"));
        var ours = Records(await WalkAsync(Target(), ".1.3.6.1.2.1"));
        var after = Records(await OracleAsync("snmpbulkwalk", "-v2c", "-Cr10", ".1.3.6.1.2.1"));

        Assert.True(before.Count > 500, $"only {before.Count} varbinds in MIB-2");
        var stable = before.Where(r => after.TryGetValue(r.Key, out var line) && line == r.Value).ToList();
        Assert.True(stable.Count > before.Count * 9 / 10, $"only {stable.Count} of {before.Count} stable");
        foreach (var (oid, line) in stable)
        {
            Assert.True(ours.TryGetValue(oid, out var mine), $"{oid} missing from our walk");
            Assert.Equal(line, mine);
        }

        foreach (var (oid, mine) in ours)
        {
            var theirs = before.GetValueOrDefault(oid) ?? after.GetValueOrDefault(oid);
            Assert.True(theirs is not null, $"{oid} is in our walk but in neither of net-snmp's");
            Assert.Equal(TypeOf(theirs), TypeOf(mine));
        }
    }

    [Fact]
    public async Task Mib2_V1GetNext_MatchesSnmpwalkOnStableSubtree()
    {
        // The system group is stable but for sysUpTime.
        var expected = await OracleAsync("snmpwalk", "-v1", ".1.3.6.1.2.1.1");
        var ours = await WalkAsync(Target(SnmpVersion.V1), ".1.3.6.1.2.1.1");
        Assert.Equal(expected.Select(MaskTicks), ours.Select(MaskTicks));
        Assert.Contains(ours, l => l.StartsWith(".1.3.6.1.2.1.1.5.0 = STRING: \"test-device\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ipv6Loopback_Get()
    {
        await using var client = new SnmpClient();
        var target = Target() with { EndPoint = new IPEndPoint(IPAddress.IPv6Loopback, fixture.Server.Port) };
        var result = await client.GetAsync(target, [ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0")], CancellationToken.None);
        Assert.Equal("test-device", Assert.Single(result).Value.TryGetText(out var text) ? text : null);
    }

    private static async Task<List<string>> WalkAsync(SnmpTarget target, string root)
    {
        await using var client = new SnmpClient();
        var lines = new List<string>();
        await foreach (var varBind in SnmpWalker.WalkAsync(client, target, ObjectIdentifier.Parse(root), CancellationToken.None))
        {
            lines.Add(NetSnmpFormatter.Format(varBind));
        }

        return lines;
    }

    /// <summary>Runs a net-snmp tool and splits its output into one string per varbind.</summary>
    private async Task<List<string>> OracleAsync(string tool, string version, params string[] rest)
    {
        var args = new List<string> { version, "-c", "public", "-On" };
        args.AddRange(rest.Take(rest.Length - 1));
        args.Add(fixture.Server.Address);
        args.Add(rest[^1]);
        var result = await SnmpdServer.RunToolAsync(tool, args);
        Assert.True(result.ExitCode == 0, $"{tool} failed: {result.StandardError}");
        if (result.StandardOutput.Length == 0)
        {
            return [];
        }

        return SplitVarBinds(result.StandardOutput);
    }

    /// <summary>A varbind starts at a line ".digits... = "; other lines continue the previous one.</summary>
    internal static List<string> SplitVarBinds(string output)
    {
        var records = new List<string>();
        foreach (var line in output.TrimEnd('\n').Split('\n'))
        {
            if (records.Count == 0 || System.Text.RegularExpressions.Regex.IsMatch(line, @"^\.[0-9.]+ = "))
            {
                records.Add(line);
            }
            else
            {
                records[^1] += "\n" + line;
            }
        }

        return records;
    }

    private static Dictionary<string, string> Records(List<string> lines)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            map[line[..line.IndexOf(" = ", StringComparison.Ordinal)]] = line;
        }

        return map;
    }

    private static string TypeOf(string line)
    {
        var value = line[(line.IndexOf(" = ", StringComparison.Ordinal) + 3)..];
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? value : value[..colon];
    }

    private static string MaskTicks(string line) =>
        System.Text.RegularExpressions.Regex.Replace(line, @"Timeticks: \(\d+\) .*", "Timeticks: (N)");
}

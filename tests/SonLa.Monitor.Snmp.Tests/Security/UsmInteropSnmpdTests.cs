using System.Net;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Tests.Walking;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>
/// The interop matrix: for every user of <see cref="UsmSnmpdFixture"/>'s real snmpd, our SNMPv3
/// walk equals snmpbulkwalk's line for line.
/// </summary>
[Collection(UsmSnmpdCollection.Name)]
public sealed class UsmInteropSnmpdTests(UsmSnmpdFixture fixture)
{
    public static TheoryData<string, string, string?> Combinations()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var auth in UsmSnmpdFixture.AuthProtocols)
        {
            foreach (var priv in UsmSnmpdFixture.PrivProtocols)
            {
                data.Add("authPriv", auth, priv);
            }

            data.Add("authNoPriv", auth, null);
        }

        data.Add("noAuthNoPriv", "", null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Walk_MatchesSnmpbulkwalk(string level, string auth, string? priv)
    {
        var user = level switch
        {
            "authPriv" => UsmSnmpdFixture.PrivUser(auth, priv!),
            "authNoPriv" => UsmSnmpdFixture.AuthUser(auth),
            _ => UsmSnmpdFixture.NoAuthUser,
        };
        var security = UsmSecurity.Create(user, level, auth, UsmSnmpdFixture.AuthPass, priv, UsmSnmpdFixture.PrivPass);
        var expected = await OracleAsync(security, UsmSnmpdFixture.Root);
        await using var client = new SnmpClient();
        var ours = await WalkAsync(client, Target(security), UsmSnmpdFixture.Root);
        Assert.Equal(expected, ours);
        Assert.Equal(UsmSnmpdFixture.Rows.Count, ours.Count);
    }

    [Fact]
    public async Task ContextName_SelectsTheContext_LikeSnmpbulkwalkDashN()
    {
        var security = UsmSecurity.Create(UsmSnmpdFixture.ContextUser, "authPriv", "SHA-256", UsmSnmpdFixture.AuthPass, "AES", UsmSnmpdFixture.PrivPass, UsmSnmpdFixture.Context);
        var expected = await OracleAsync(security, UsmSnmpdFixture.Root);
        await using var client = new SnmpClient();
        var inContext = await WalkAsync(client, Target(security), UsmSnmpdFixture.Root);
        var inDefault = await WalkAsync(client, Target(security with { ContextName = "" }), UsmSnmpdFixture.Root);

        Assert.Equal(expected, inContext);
        // snmpd's proxy answers endOfMibView past the proxied subtree; snmpbulkwalk prints it too.
        Assert.True(UsmSnmpdFixture.ContextRows.Count + 1 == inContext.Count, string.Join(" | ", inContext));
        Assert.EndsWith("No more variables left in this MIB View (It is past the end of the MIB tree)", inContext[^1], StringComparison.Ordinal);
        Assert.Contains("served in context site-b", inContext[0], StringComparison.Ordinal);
        Assert.Equal(UsmSnmpdFixture.Rows.Count, inDefault.Count);
    }

    internal SnmpTarget Target(UsmSecurity security) =>
        new(new IPEndPoint(IPAddress.Loopback, fixture.Server.Port))
        {
            Version = SnmpVersion.V3,
            Security = security,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 1,
        };

    internal static async Task<List<string>> WalkAsync(SnmpClient client, SnmpTarget target, string root)
    {
        var lines = new List<string>();
        await foreach (var varBind in SnmpWalker.WalkAsync(client, target, ObjectIdentifier.Parse(root)))
        {
            lines.Add(NetSnmpFormatter.Format(varBind));
        }

        return lines;
    }

    internal async Task<List<string>> OracleAsync(UsmSecurity security, string root)
    {
        var args = new List<string> { "-v3", "-On", "-Cr10", "-t", "2", "-r", "1", "-u", security.User.UserName, "-l", UsmProtocolNames.Name(security.Level) };
        if (security.Level != SecurityLevel.NoAuthNoPriv)
        {
            args.AddRange(["-a", UsmProtocolNames.Name(security.User.AuthProtocol), "-A", security.User.AuthPassphrase]);
        }

        if (security.Level == SecurityLevel.AuthPriv)
        {
            args.AddRange(["-x", UsmProtocolNames.Name(security.User.PrivProtocol), "-X", security.User.PrivPassphrase]);
        }

        if (security.ContextName.Length > 0)
        {
            args.AddRange(["-n", security.ContextName]);
        }

        args.AddRange([fixture.Server.Address, root]);
        var result = await SnmpdServer.RunToolAsync("snmpbulkwalk", args);
        Assert.True(result.ExitCode == 0, $"snmpbulkwalk failed: {result.StandardError}");
        return SnmpWalkerSnmpdTests.SplitVarBinds(result.StandardOutput);
    }
}

using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Tests.TestDoubles;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;

namespace SonLa.Monitor.Snmp.Tests.Walking;

/// <summary>Walk end conditions, with a <see cref="FakeAgent"/> playing devices no snmpd imitates.</summary>
public sealed class SnmpWalkerMisbehavingAgentTests
{
    private static readonly ObjectIdentifier Root = ObjectIdentifier.Parse("1.3.6.1.4.1.5");

    private static SnmpTarget Target(FakeAgent agent, SnmpVersion version = SnmpVersion.V2c) =>
        new(agent.EndPoint) { Version = version, Timeout = TimeSpan.FromSeconds(2), Retries = 1 };

    private static async Task<List<VarBind>> WalkAsync(FakeAgent agent, SnmpVersion version = SnmpVersion.V2c)
    {
        await using var client = new SnmpClient();
        var result = new List<VarBind>();
        await foreach (var varBind in SnmpWalker.WalkAsync(client, Target(agent, version), Root, CancellationToken.None))
        {
            result.Add(varBind);
            Assert.True(result.Count < 1000, "the walk does not end");
        }

        return result;
    }

    [Fact]
    public async Task AgentRepeatingTheRequestedOid_ThrowsOidNotIncreasing()
    {
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, [new VarBind(request.Pdu!.VarBinds[0].Oid.Append(1), SnmpValue.Integer32(1)), FakeAgent.Vb("1.3.6.1.4.1.5.1", 1)])]);
        var error = await Assert.ThrowsAsync<SnmpWalkException>(() => WalkAsync(agent));
        Assert.Contains("OID not increasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentGoingBackwardsWithinOneResponse_Throws()
    {
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.3", 3), FakeAgent.Vb("1.3.6.1.4.1.5.2", 2)])]);
        var error = await Assert.ThrowsAsync<SnmpWalkException>(() => WalkAsync(agent));
        Assert.Equal(ObjectIdentifier.Parse("1.3.6.1.4.1.5.2"), error.Received);
    }

    [Fact]
    public async Task AgentLoopingForever_V1_ThrowsInsteadOfLooping()
    {
        // Always answers the same OID, whatever was asked: a classic broken GETNEXT.
        await using var agent = new FakeAgent(request => [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.7", 7)])]);
        await Assert.ThrowsAsync<SnmpWalkException>(() => WalkAsync(agent, SnmpVersion.V1));
    }

    [Fact]
    public async Task EndOfMibViewInsideSubtree_IsYieldedThenWalkEnds()
    {
        await using var agent = new FakeAgent(request =>
        {
            var asked = request.Pdu!.VarBinds[0].Oid;
            return asked == Root
                ? [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.1", 1), FakeAgent.Vb("1.3.6.1.4.1.5.2", 2)])]
                : [FakeAgent.Response(request, [new VarBind(asked, SnmpValue.EndOfMibView)])];
        });
        var result = await WalkAsync(agent);
        Assert.Equal(3, result.Count);
        Assert.Equal(SnmpType.EndOfMibView, result[2].Value.Type);
        Assert.Equal(2, agent.Received);
    }

    [Fact]
    public async Task NoSuchObjectInsideSubtree_EndsWalk()
    {
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.1", 1), new VarBind(ObjectIdentifier.Parse("1.3.6.1.4.1.5.2"), SnmpValue.NoSuchObject), FakeAgent.Vb("1.3.6.1.4.1.5.3", 3)])]);
        var result = await WalkAsync(agent);
        Assert.Equal([SnmpType.Integer32, SnmpType.NoSuchObject], result.Select(v => v.Value.Type));
    }

    [Fact]
    public async Task SubtreeEndInsideResponse_StopsThere()
    {
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.1", 1), FakeAgent.Vb("1.3.6.1.4.1.6", 2), FakeAgent.Vb("1.3.6.1.4.1.7", 3)])]);
        var result = await WalkAsync(agent);
        Assert.Single(result);
        Assert.Equal(1, agent.Received);
    }

    [Fact]
    public async Task V1NoSuchName_EndsWalk()
    {
        await using var agent = new FakeAgent(request =>
        {
            var asked = request.Pdu!.VarBinds[0].Oid;
            return asked == Root
                ? [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.4.1.5.1", 1)])]
                : [FakeAgent.Response(request, request.Pdu.VarBinds, ErrorStatus.NoSuchName, 1)];
        });
        var result = await WalkAsync(agent, SnmpVersion.V1);
        Assert.Single(result);
    }

    [Fact]
    public async Task EmptyResponse_EndsWalkWithFallbackGet()
    {
        await using var agent = new FakeAgent(request => request.Pdu!.Type == PduType.GetRequest
            ? [FakeAgent.Response(request, [new VarBind(Root, SnmpValue.NoSuchObject)])]
            : [FakeAgent.Response(request, [])]);
        var result = await WalkAsync(agent);
        Assert.Equal(SnmpType.NoSuchObject, Assert.Single(result).Value.Type);
    }

    [Fact]
    public async Task ErrorStatusInBulkResponse_ThrowsSnmpErrorException()
    {
        await using var agent = new FakeAgent(request => [FakeAgent.Response(request, request.Pdu!.VarBinds, ErrorStatus.GenErr, 1)]);
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() => WalkAsync(agent));
        Assert.Equal(ErrorStatus.GenErr, error.ErrorStatus);
        Assert.Equal(Root, error.Oid);
    }

    [Fact]
    public async Task WalkUsesTargetMaxRepetitionsAndContinuesFromLastOid()
    {
        var asked = new List<(ObjectIdentifier Oid, int MaxRepetitions)>();
        await using var agent = new FakeAgent(request =>
        {
            var oid = request.Pdu!.VarBinds[0].Oid;
            lock (asked)
            {
                asked.Add((oid, request.Pdu.MaxRepetitions));
            }

            var next = oid == Root ? 1u : oid[^1] + 1;
            return [FakeAgent.Response(request, [new VarBind(next <= 5 ? Root.Append(next) : ObjectIdentifier.Parse("1.3.6.1.4.1.6"), SnmpValue.Integer32((int)next))])];
        });
        await using var client = new SnmpClient();
        var result = new List<VarBind>();
        await foreach (var varBind in SnmpWalker.WalkAsync(client, Target(agent) with { MaxRepetitions = 3 }, Root))
        {
            result.Add(varBind);
        }

        Assert.Equal(5, result.Count);
        Assert.All(asked, a => Assert.Equal(3, a.MaxRepetitions));
        Assert.Equal(Root.Append(5), asked[^1].Oid);
    }
}

using System.Collections.Concurrent;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Tests.TestDoubles;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;
using SonLa.Monitor.Snmp.Walking;

namespace SonLa.Monitor.Snmp.Tests.Walking;

/// <summary>
/// Adaptive max-repetitions, against a <see cref="FakeAgent"/>: net-snmp's snmpd never answers a GETBULK with tooBig
/// (it truncates, RFC 3416 4.2.3) and never drops large answers, so devices that do are played by the double.
/// </summary>
public sealed class AdaptiveBulkFakeAgentTests
{
    private const int Rows = 20;
    private static readonly ObjectIdentifier Root = ObjectIdentifier.Parse("1.3.6.1.4.1.5");

    /// <summary>A 20-row table; GETBULKs above <paramref name="largest"/> are answered tooBig, or dropped when <paramref name="drop"/>.</summary>
    private static FakeAgent TableAgent(int largest, bool drop, ConcurrentQueue<int> sizes) => new(request =>
    {
        var pdu = request.Pdu!;
        sizes.Enqueue(pdu.MaxRepetitions);
        if (pdu.Type == PduType.GetBulkRequest && pdu.MaxRepetitions > largest)
        {
            return drop ? [] : [FakeAgent.Response(request, pdu.VarBinds, ErrorStatus.TooBig)];
        }

        var start = pdu.VarBinds[0].Oid;
        var next = Enumerable.Range(1, Rows).Select(i => Root.Append((uint)i)).Where(o => o.CompareTo(start) > 0)
            .Take(pdu.Type == PduType.GetBulkRequest ? pdu.MaxRepetitions : 1)
            .Select(o => new VarBind(o, SnmpValue.Integer32(1))).ToList();
        if (next.Count == 0)
        {
            // The next subtree: the walk ends there.
            next.Add(FakeAgent.Vb("1.3.6.1.4.1.6.1", 0));
        }

        return [FakeAgent.Response(request, next)];
    });

    // Generous: a busy CI machine can be slow to answer; only the deliberately dropped answers wait it out.
    private static SnmpTarget Target(FakeAgent agent, int maxRepetitions) =>
        new(agent.EndPoint) { Version = SnmpVersion.V2c, Timeout = TimeSpan.FromSeconds(2), Retries = 0, MaxRepetitions = maxRepetitions };

    private static async Task<int> WalkCountAsync(SnmpClient client, SnmpTarget target)
    {
        var count = 0;
        await foreach (var varBind in SnmpWalker.WalkAsync(client, target, Root))
        {
            Assert.False(varBind.Value.IsException);
            count++;
        }

        return count;
    }

    [Fact]
    public async Task TooBig_WalkHalvesMaxRepetitions_GetsEveryRow_AndTheNextWalkStartsSmall()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var agent = TableAgent(largest: 3, drop: false, sizes);
        await using var client = new SnmpClient();
        var target = Target(agent, 10);

        Assert.Equal(Rows, await WalkCountAsync(client, target));
        Assert.Equal([10, 5, 2], sizes.Take(3));
        Assert.All(sizes.Skip(3), s => Assert.Equal(2, s));
        Assert.Equal(2, client.BulkSizes.Limit(target.EndPoint));

        sizes.Clear();
        Assert.Equal(Rows, await WalkCountAsync(client, target));
        Assert.All(sizes, s => Assert.Equal(2, s));
    }

    [Fact]
    public async Task TooBigEvenAtOne_ErrorStatusReported()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var agent = TableAgent(largest: 0, drop: false, sizes);
        await using var client = new SnmpClient();
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() => WalkCountAsync(client, Target(agent, 8)));
        Assert.Equal(ErrorStatus.TooBig, error.ErrorStatus);
        Assert.Equal([8, 4, 2, 1], sizes);
    }

    [Fact]
    public async Task LargeAnswersDropped_AfterTheDeviceAnswered_OneRetryWithAQuarter_Remembered()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var agent = TableAgent(largest: 5, drop: true, sizes);
        await using var client = new SnmpClient();
        var target = Target(agent, 20);

        var response = await AdaptiveBulk.GetBulkAsync(client, target, 0, 20, [Root], answeredBefore: true);
        Assert.Equal(ErrorStatus.NoError, response.ErrorStatus);
        Assert.Equal(5, response.VarBinds.Count);
        Assert.Equal([20, 5], sizes);
        Assert.Equal(5, client.BulkSizes.Limit(target.EndPoint));
    }

    [Fact]
    public async Task Timeout_WithoutEvidenceTheDeviceAnswers_IsATimeout_NoRetry()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var agent = TableAgent(largest: 4, drop: true, sizes);
        await using var client = new SnmpClient();
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => AdaptiveBulk.GetBulkAsync(client, Target(agent, 20), 0, 20, [Root], answeredBefore: false));
        Assert.Equal([20], sizes);
        Assert.Null(client.BulkSizes.Limit(agent.EndPoint));
    }
}

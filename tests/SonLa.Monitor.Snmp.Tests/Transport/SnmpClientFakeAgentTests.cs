using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Tests.TestDoubles;
using SonLa.Monitor.Snmp.Transport;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Transport;

/// <summary>Matching, retries and timeouts, with <see cref="FakeAgent"/> for answers snmpd never gives.</summary>
public sealed class SnmpClientFakeAgentTests
{
    private static readonly ObjectIdentifier SysName = ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0");

    [Fact]
    public async Task SilentEndpoint_RetransmitsThenTimesOut_WithFakeTime()
    {
        var time = new FakeTimeProvider();
        await using var agent = new FakeAgent(_ => []);
        await using var client = new SnmpClient(time);
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(1), Retries = 5 };

        var request = client.GetAsync(target, [SysName], CancellationToken.None);
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await WaitForAsync(() => agent.Received >= attempt);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => request);
        Assert.Equal(6, agent.Received);
        Assert.Equal(5, error.Retries);
        Assert.Equal(TimeSpan.FromSeconds(6), error.Elapsed);
        Assert.Equal(agent.EndPoint, error.EndPoint);
        Assert.Equal(new SnmpClientStatistics(1, 5, 1, 0, 0), client.Statistics);
    }

    [Fact]
    public async Task RetransmissionsCarryTheSameRequestId()
    {
        var ids = new List<int>();
        await using var agent = new FakeAgent(request =>
        {
            lock (ids)
            {
                ids.Add(request.Pdu!.RequestId);
                // Answer only the third copy.
                return ids.Count < 3 ? [] : [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.2.1.1.5.0", 1)])];
            }
        });
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(1), Retries = 5 };
        var result = await client.GetAsync(target, [SysName], CancellationToken.None);
        Assert.Single(result);
        Assert.Equal(3, ids.Count);
        Assert.Single(ids.Distinct());
        Assert.Equal(2, client.Statistics.Retries);
    }

    [Fact]
    public async Task MalformedAndUnmatchedAnswers_AreCountedAndIgnored()
    {
        await using var agent = new FakeAgent(request =>
        {
            var good = FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.2.1.1.5.0", 42)]);
            return
            [
                good[..^3],                                   // truncated
                [0x30, 0x03, 0x02, 0x01],                     // garbage
                FakeAgent.Response(request, [], requestId: request.Pdu!.RequestId + 1000), // unknown id
                good,
            ];
        });
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(5), Retries = 0 };
        var result = await client.GetAsync(target, [SysName], CancellationToken.None);
        Assert.Equal(42, Assert.Single(result).Value.AsInt32());
        await WaitForAsync(() => client.Statistics.MalformedResponses == 2);
        Assert.Equal(2, client.Statistics.MalformedResponses);
        Assert.Equal(1, client.Statistics.UnmatchedResponses);
    }

    [Fact]
    public async Task OnlyMalformedAnswers_TimesOut()
    {
        await using var agent = new FakeAgent(request => [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.2.1.1.5.0", 1)])[..^1]]);
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(1), Retries = 1 };
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(target, [SysName], CancellationToken.None));
        Assert.Equal(2, client.Statistics.MalformedResponses);
        Assert.Equal(1, client.Statistics.Timeouts);
    }

    [Fact]
    public async Task AnswerFromAnotherEndpoint_IsUnmatched()
    {
        await using var agent = new FakeAgent(request => [FakeAgent.Response(request, [FakeAgent.Vb("1.3.6.1.2.1.1.5.0", 1)])]);
        var impostor = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        impostor.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        agent.Impostor = impostor;
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(1), Retries = 1 };
        await Assert.ThrowsAsync<SnmpTimeoutException>(() => client.GetAsync(target, [SysName], CancellationToken.None));
        Assert.Equal(2, client.Statistics.UnmatchedResponses);
    }

    [Fact]
    public async Task CallerCancellation_IsOperationCanceled_NotTimeout()
    {
        await using var agent = new FakeAgent(_ => []);
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(30), Retries = 0 };
        using var cts = new CancellationTokenSource();
        var request = client.GetAsync(target, [SysName], cts.Token);
        await WaitForAsync(() => agent.Received == 1);
        await cts.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.IsNotType<SnmpTimeoutException>(error);
        Assert.Equal(0, client.Statistics.Timeouts);
    }

    [Fact]
    public async Task ErrorStatus_ThrowsWithOidAtIndex_ButSendAsyncReturnsIt()
    {
        await using var agent = new FakeAgent(request => [FakeAgent.Response(request, request.Pdu!.VarBinds, ErrorStatus.NoSuchName, 2)]);
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Version = SnmpVersion.V1 };
        var second = ObjectIdentifier.Parse("1.3.6.1.2.1.1.99.0");
        var error = await Assert.ThrowsAsync<SnmpErrorException>(() => client.GetAsync(target, [SysName, second], CancellationToken.None));
        Assert.Equal(ErrorStatus.NoSuchName, error.ErrorStatus);
        Assert.Equal(2, error.ErrorIndex);
        Assert.Equal(second, error.Oid);

        var raw = await client.SendAsync(target, Pdu.GetRequest([SysName]), CancellationToken.None);
        Assert.Equal(ErrorStatus.NoSuchName, raw.ErrorStatus);
    }

    [Fact]
    public async Task ManyConcurrentRequests_OnOneSocket_AreMatchedById()
    {
        // The agent echoes the requested OID's last arc as the value, answering in reverse order of arrival.
        await using var agent = new FakeAgent(request =>
        {
            var oid = request.Pdu!.VarBinds[0].Oid;
            return [FakeAgent.Response(request, [new VarBind(oid, SnmpValue.Integer32((int)oid[^1]))])];
        });
        await using var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(5), Retries = 2 };
        var tasks = Enumerable.Range(0, 200)
            .Select(i => client.GetAsync(target, [ObjectIdentifier.Parse("1.3.6.1.4.1.1").Append((uint)i)], CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(tasks);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i, Assert.Single(results[i]).Value.AsInt32());
        }
    }

    [Fact]
    public async Task Dispose_FailsRequestsInFlight_AndRefusesNewOnes()
    {
        await using var agent = new FakeAgent(_ => []);
        var client = new SnmpClient();
        var target = new SnmpTarget(agent.EndPoint) { Timeout = TimeSpan.FromSeconds(30), Retries = 0 };
        var request = client.GetAsync(target, [SysName], CancellationToken.None);
        await WaitForAsync(() => agent.Received == 1);
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => request);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync(target, [SysName], CancellationToken.None));
    }

    [Fact]
    public async Task GetBulkOnV1Target_IsRejected()
    {
        await using var client = new SnmpClient();
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, 9)) { Version = SnmpVersion.V1 };
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetBulkAsync(target, 0, 10, [SysName], CancellationToken.None));
    }

    [Fact]
    public void TargetToString_HidesCommunity()
    {
        var target = new SnmpTarget(new IPEndPoint(IPAddress.Loopback, 161)) { Community = "s3cr3t-community" };
        Assert.DoesNotContain("s3cr3t", target.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", target.ToString(), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }
}

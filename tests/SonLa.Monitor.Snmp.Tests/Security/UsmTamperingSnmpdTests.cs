using System.Net;
using System.Net.Sockets;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Transport;

namespace SonLa.Monitor.Snmp.Tests.Security;

/// <summary>
/// A relay between our client and the real snmpd sends, before every authenticated answer, a
/// tampered copy of it (same msgID, one byte changed) and a garbage datagram: neither may fail or
/// complete the request; the genuine answer does.
/// </summary>
[Collection(UsmSnmpdCollection.Name)]
public sealed class UsmTamperingSnmpdTests(UsmSnmpdFixture fixture)
{
    [Theory]
    [InlineData("authPriv")]
    [InlineData("authNoPriv")]
    public async Task TamperedCopiesAndGarbage_AreDropped_GenuineAnswersWin(string level)
    {
        var agent = new IPEndPoint(IPAddress.Loopback, fixture.Server.Port);
        using var relay = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var stop = new CancellationTokenSource();
        var tampered = 0;
        var loop = Task.Run(async () =>
        {
            IPEndPoint? manager = null;
            while (!stop.IsCancellationRequested)
            {
                var received = await relay.ReceiveAsync(stop.Token);
                if (!received.RemoteEndPoint.Equals(agent))
                {
                    manager = received.RemoteEndPoint;
                    await relay.SendAsync(received.Buffer, agent, stop.Token);
                    continue;
                }

                if ((V3MessageCodec.Decode(received.Buffer).Flags & MessageFlags.Auth) != 0)
                {
                    var copy = received.Buffer.ToArray();
                    copy[^3] ^= 0x5A;
                    await relay.SendAsync(copy, manager, stop.Token);
                    await relay.SendAsync(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x03 }, manager, stop.Token);
                    Interlocked.Increment(ref tampered);
                }

                await relay.SendAsync(received.Buffer, manager, stop.Token);
            }
        });

        var security = level == "authPriv"
            ? UsmSecurity.Create(UsmSnmpdFixture.PrivUser("SHA", "AES"), level, "SHA", UsmSnmpdFixture.AuthPass, "AES", UsmSnmpdFixture.PrivPass)
            : UsmSecurity.Create(UsmSnmpdFixture.AuthUser("SHA"), level, "SHA", UsmSnmpdFixture.AuthPass);
        var target = new SnmpTarget((IPEndPoint)relay.Client.LocalEndPoint!)
        {
            Version = SnmpVersion.V3,
            Security = security,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 1,
        };
        await using var client = new SnmpClient();
        var lines = await UsmInteropSnmpdTests.WalkAsync(client, target, UsmSnmpdFixture.Root);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);

        Assert.Equal(UsmSnmpdFixture.Rows.Count, lines.Count);
        Assert.True(tampered > 0);
        // The garbage is malformed; a tampered copy fails its HMAC (unmatched) or, in plaintext, may no longer decode.
        Assert.True(client.Statistics.UnmatchedResponses + client.Statistics.MalformedResponses >= 2 * tampered, client.Statistics.ToString());
        Assert.Equal(0, client.Statistics.Retries);
    }
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Testing.Snmpd;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>SNMPv3 informs to our engine built by hand, for the paths net-snmp's tools do not reach on demand.</summary>
public sealed class TrapProcessorV3Tests
{
    private static readonly IPEndPoint Sender = new(IPAddress.Loopback, 40001);
    private static readonly UsmUser AuthUser = new("informer", AuthProtocol.Sha256, "inform-auth-pass");

    private static byte[] Inform(LocalEngine engine, int boots, int time, string authPassphrase = "inform-auth-pass") =>
        SignedV3Notification.Build(PduType.InformRequest, ".1.3.6.1.6.3.1.1.5.1", engine.EngineId, boots, time,
            new UsmUser("informer", AuthProtocol.Sha256, authPassphrase), authPassphrase, messageId: 9, requestId: 77,
            MessageFlags.Auth | MessageFlags.Reportable);

    private static TrapProcessor Processor(LocalEngine engine) =>
        new([], [new TrapUser(AuthUser, SecurityLevel.AuthNoPriv, ReadOnlyMemory<byte>.Empty)], engine);

    [Fact]
    public void InformInOurTimeWindow_IsAnsweredWithAnAuthenticatedResponse()
    {
        var time = new FakeTimeProvider();
        var engine = new LocalEngine(Convert.FromHexString("800186a30474657374"), 12, time);
        time.Advance(TimeSpan.FromSeconds(1000));

        var result = Processor(engine).Process(Inform(engine, 12, 1100), Sender);

        Assert.NotNull(result.Notification);
        var reply = V3MessageCodec.Decode(result.Reply);
        Assert.Equal(9, reply.MessageId);
        Assert.Equal(MessageFlags.Auth, reply.Flags);
        Assert.Equal(PduType.Response, reply.ScopedPdu!.Pdu.Type);
        Assert.Equal(77, reply.ScopedPdu.Pdu.RequestId);
        var key = UsmKeys.Localize(AuthProtocol.Sha256, UsmKeys.PasswordToKey(AuthProtocol.Sha256, "inform-auth-pass"), engine.EngineId.Span);
        Assert.True(UsmAuthentication.Verify(AuthProtocol.Sha256, key, result.Reply, reply.AuthenticationParametersOffset, reply.SecurityParameters.AuthenticationParameters.Length));
    }

    [Theory]
    [InlineData(11, 1000)] // old boots
    [InlineData(12, 1200)] // 200 s ahead
    [InlineData(12, 0)] // a fresh sender's guess
    public void InformOutsideOurTimeWindow_GetsAnAuthenticatedNotInTimeWindowReport_WithOurBootsAndTime(int boots, int senderTime)
    {
        var time = new FakeTimeProvider();
        var engine = new LocalEngine(Convert.FromHexString("800186a30474657374"), 12, time);
        time.Advance(TimeSpan.FromSeconds(1000));

        var result = Processor(engine).Process(Inform(engine, boots, senderTime), Sender);

        Assert.Null(result.Notification);
        Assert.Equal(TrapRejection.NotInTimeWindow, result.Rejection);
        var report = V3MessageCodec.Decode(result.Reply);
        Assert.Equal(MessageFlags.Auth, report.Flags);
        Assert.Equal(12, report.SecurityParameters.AuthoritativeEngineBoots);
        Assert.Equal(1000, report.SecurityParameters.AuthoritativeEngineTime);
        Assert.Equal(PduType.Report, report.ScopedPdu!.Pdu.Type);
        Assert.Equal("1.3.6.1.6.3.15.1.1.2.0", report.ScopedPdu.Pdu.VarBinds[0].Oid.ToString());
        var key = UsmKeys.Localize(AuthProtocol.Sha256, UsmKeys.PasswordToKey(AuthProtocol.Sha256, "inform-auth-pass"), engine.EngineId.Span);
        Assert.True(UsmAuthentication.Verify(AuthProtocol.Sha256, key, result.Reply, report.AuthenticationParametersOffset, report.SecurityParameters.AuthenticationParameters.Length));
    }

    [Fact]
    public void InformWithAWrongPassphrase_GetsAWrongDigestsReport_AndIsNotAccepted()
    {
        var engine = new LocalEngine(Convert.FromHexString("800186a30474657374"), 12, new FakeTimeProvider());
        var processor = Processor(engine);

        var result = processor.Process(Inform(engine, 12, 0, authPassphrase: "not-the-passphrase"), Sender);

        Assert.Null(result.Notification);
        Assert.Equal(TrapRejection.AuthenticationFailed, result.Rejection);
        Assert.Equal(UsmError.WrongDigest, result.UsmError);
        Assert.Equal("1.3.6.1.6.3.15.1.1.5.0", V3MessageCodec.Decode(result.Reply).ScopedPdu!.Pdu.VarBinds[0].Oid.ToString());
        Assert.Equal(1, processor.UsmStat(UsmError.WrongDigest));
    }

    [Fact]
    public async Task ListeningOnIpv6Any_ReceivesOverIpv6AndIpv4()
    {
        var processor = TrapTestPeers.Processor();
        var notifications = System.Threading.Channels.Channel.CreateUnbounded<SnmpNotification>();
        using var receiver = new TrapReceiver(new IPEndPoint(IPAddress.IPv6Any, 0), processor, new TrapReceiverOptions(), TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var run = receiver.RunAsync(n => notifications.Writer.TryWrite(n), cancellationToken: stop.Token);
        var port = receiver.LocalEndPoint.Port;

        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown($"udp6:[::1]:{port}"))).ExitCode);
        Assert.Equal(0, (await SnmpdServer.RunToolAsync("snmptrap", TrapTestPeers.V2cLinkDown($"127.0.0.1:{port}"))).ExitCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = await notifications.Reader.ReadAsync(timeout.Token);
        var second = await notifications.Reader.ReadAsync(timeout.Token);
        Assert.Equal(IPAddress.IPv6Loopback, first.Source.Address);
        Assert.Equal(IPAddress.Loopback, second.Source.Address);
        await stop.CancelAsync();
        await run;
    }
}

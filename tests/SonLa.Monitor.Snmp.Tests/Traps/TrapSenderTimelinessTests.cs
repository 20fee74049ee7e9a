using System.Net;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>
/// RFC 3414 3.2 step 7b: authenticated SNMPv3 traps judged against our notion of the sending
/// (authoritative) engine's clock, so a captured trap replayed later is refused. Built by hand:
/// net-snmp's snmptrap picks its own boots and time, which a test cannot set.
/// </summary>
public sealed class TrapSenderTimelinessTests
{
    private const string Passphrase = "trap-auth-pass";
    private static readonly IPEndPoint Sender = new(IPAddress.Loopback, 40002);
    private static readonly byte[] SenderEngine = Convert.FromHexString("8000000001020399");
    private static readonly UsmUser User = new("trapper", AuthProtocol.Sha256, Passphrase);

    private static byte[] Trap(int boots, int time) =>
        SignedV3Notification.Build(PduType.SNMPv2Trap, ".1.3.6.1.6.3.1.1.5.4", SenderEngine, boots, time,
            User, Passphrase, messageId: 3, requestId: 1, MessageFlags.Auth);

    [Fact]
    public void ReplayedOrStaleTraps_AreRefused_NewerOnesAccepted()
    {
        var clock = new FakeTimeProvider();
        var processor = new TrapProcessor([], [new TrapUser(User, SecurityLevel.AuthNoPriv, SenderEngine)], LocalEngine.Create("site", clock));
        var first = Trap(5, 1000);

        Assert.NotNull(processor.Process(first, Sender).Notification);

        // The same trap 10 minutes later: the sender's clock has moved on by then, so it is a replay.
        clock.Advance(TimeSpan.FromMinutes(10));
        var replay = processor.Process(first, Sender);
        Assert.Null(replay.Notification);
        Assert.Equal(TrapRejection.NotInTimeWindow, replay.Rejection);

        // From before the sender's last reboot: refused.
        Assert.Equal(TrapRejection.NotInTimeWindow, processor.Process(Trap(4, 5000), Sender).Rejection);

        // Newer than the latest seen moves our notion on (7b1); one older than it and outside the window does not.
        Assert.NotNull(processor.Process(Trap(5, 1550), Sender).Notification);
        Assert.Equal(TrapRejection.NotInTimeWindow, processor.Process(Trap(5, 1200), Sender).Rejection);

        // After the sender rebooted (boots up, time small): accepted, and the old boots are refused from then on.
        Assert.NotNull(processor.Process(Trap(6, 3), Sender).Notification);
        Assert.Equal(TrapRejection.NotInTimeWindow, processor.Process(Trap(5, 1700), Sender).Rejection);
        Assert.Equal(4, processor.UsmStat(UsmError.NotInTimeWindow));
    }
}

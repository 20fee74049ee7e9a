using System.Text;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Traps;

/// <summary>
/// An authNoPriv SNMPv3 trap or inform built and signed by hand, with the boots and time a test
/// chooses (net-snmp's tools pick their own, which a test cannot set).
/// </summary>
internal static class SignedV3Notification
{
    public static byte[] Build(PduType type, string trapOid, ReadOnlyMemory<byte> engineId, int boots, int time,
        UsmUser user, string authPassphrase, int messageId, int requestId, MessageFlags flags)
    {
        var pdu = new Pdu(type, requestId,
        [
            new(TrapV1Translation.SysUpTime, SnmpValue.TimeTicks(5)),
            new(TrapV1Translation.SnmpTrapOid, SnmpValue.ObjectIdentifier(ObjectIdentifier.Parse(trapOid))),
        ]);
        var usm = new UsmSecurityParameters(engineId, boots, time, Encoding.UTF8.GetBytes(user.UserName),
            new byte[UsmAuthentication.TruncatedLength(user.AuthProtocol)], ReadOnlyMemory<byte>.Empty);
        var message = new V3Message(messageId, flags, usm, new ScopedPdu(engineId, ReadOnlyMemory<byte>.Empty, pdu));
        var datagram = V3MessageCodec.Encode(message, new BerWriter(), out var authOffset);
        var key = UsmKeys.Localize(user.AuthProtocol, UsmKeys.PasswordToKey(user.AuthProtocol, authPassphrase), engineId.Span);
        UsmAuthentication.Sign(user.AuthProtocol, key, datagram, authOffset);
        return datagram;
    }
}

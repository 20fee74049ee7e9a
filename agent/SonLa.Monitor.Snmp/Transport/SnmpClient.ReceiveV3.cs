using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Transport;

public sealed partial class SnmpClient
{
    /// <summary>
    /// Matches an SNMPv3 datagram to its request by msgID (the request-id is only visible after
    /// decryption), then checks it like RFC 3414 3.2 before it may complete the request: same
    /// engine and user, HMAC right, decryptable, request-id right, level as asked. Reports may come
    /// unauthenticated (that is how unknown users and wrong digests are told); anything else that
    /// fails a check is dropped, so a spoofed datagram cannot fail a request.
    /// </summary>
    private void DispatchV3(ReadOnlySpan<byte> datagram, IPEndPoint from)
    {
        var message = V3MessageCodec.Decode(datagram);
        if (!_pending.TryGetValue(message.MessageId, out var pending) ||
            pending.Version != SnmpVersion.V3 || pending.V3 is not { } expected ||
            !Normalize(from).Equals(pending.EndPoint))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        var usm = message.SecurityParameters;
        var authenticated = false;
        if ((message.Flags & MessageFlags.Auth) != 0)
        {
            if (expected.AuthKey is null || expected.Engine is null ||
                !usm.AuthoritativeEngineId.Span.SequenceEqual(expected.Engine.EngineId) ||
                !usm.UserName.Span.SequenceEqual(Encoding.UTF8.GetBytes(expected.User.UserName)) ||
                !UsmAuthentication.Verify(expected.User.AuthProtocol, expected.AuthKey, datagram, message.AuthenticationParametersOffset, usm.AuthenticationParameters.Length))
            {
                Interlocked.Increment(ref _unmatched);
                return;
            }

            authenticated = true;
        }

        ScopedPdu scoped;
        if (message.ScopedPdu is { } plain)
        {
            scoped = plain;
        }
        else
        {
            if (!authenticated || expected.PrivKey is null ||
                !UsmPrivacy.TryDecrypt(expected.User.PrivProtocol, expected.PrivKey, usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime,
                    usm.PrivacyParameters.Span, message.EncryptedPdu.Span, out var plaintext))
            {
                Interlocked.Increment(ref _unmatched);
                return;
            }

            scoped = V3MessageCodec.DecodeScopedPdu(plaintext);
        }

        var pdu = scoped.Pdu;
        var acceptable = pdu.Type switch
        {
            PduType.Report => true,
            PduType.Response => pdu.RequestId == pending.RequestId &&
                (expected.Level == SecurityLevel.NoAuthNoPriv || authenticated) &&
                (expected.Level != SecurityLevel.AuthPriv || message.IsEncrypted),
            _ => false,
        };
        if (!acceptable)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        if (authenticated)
        {
            expected.Engine!.Observe(usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime, _time.GetTimestamp(), force: false);
        }

        pending.Complete(pdu, new V3Received(usm, authenticated, message.IsEncrypted));
    }
}

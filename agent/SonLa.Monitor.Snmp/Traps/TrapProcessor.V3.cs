using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Traps;

public sealed partial class TrapProcessor
{
    private static readonly uint[] UsmStatsPrefix = [1, 3, 6, 1, 6, 3, 15, 1, 1];

    /// <summary>usmStats counters as our engine reports them (index = <see cref="UsmError"/>).</summary>
    public long UsmStat(UsmError error) => Interlocked.Read(ref _usmStats[(int)error is >= 1 and <= 6 ? (int)error : 0]);

    /// <summary>
    /// RFC 3414 3.2 for an incoming notification. The authoritative engine is ours when the message
    /// names our engine id (informs); otherwise the sender's (traps), whose id must be a configured user's.
    /// Reports go back only for reportable messages (informs and discovery probes; traps are not).
    /// </summary>
    private TrapProcessResult ProcessV3(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        var message = V3MessageCodec.Decode(datagram);
        var usm = message.SecurityParameters;
        var reportable = (message.Flags & MessageFlags.Reportable) != 0;
        var level = (message.Flags & MessageFlags.Priv) != 0 ? SecurityLevel.AuthPriv
            : (message.Flags & MessageFlags.Auth) != 0 ? SecurityLevel.AuthNoPriv
            : SecurityLevel.NoAuthNoPriv;
        var local = usm.AuthoritativeEngineId.Span.SequenceEqual(Engine.EngineId.Span);
        var engineId = usm.AuthoritativeEngineId;

        if (!local && (engineId.IsEmpty || !Array.Exists(_users, u => u.MatchesEngine(engineId.Span))))
        {
            // An empty engine id is a discovery probe (RFC 3414 4); otherwise an engine we do not know.
            return Fail(UsmError.UnknownEngineId, message, reportable,
                engineId.IsEmpty && level == SecurityLevel.NoAuthNoPriv ? TrapRejection.Discovery : TrapRejection.AuthenticationFailed);
        }

        var user = FindUser(usm.UserName.Span, engineId.Span, local);
        if (user is null)
        {
            return Fail(UsmError.UnknownUserName, message, reportable, TrapRejection.AuthenticationFailed);
        }

        if (level < user.Level || level > user.User.MaxLevel)
        {
            return Fail(UsmError.UnsupportedSecurityLevel, message, reportable, TrapRejection.AuthenticationFailed);
        }

        byte[]? authKey = null;
        if (level >= SecurityLevel.AuthNoPriv)
        {
            authKey = _keys.GetAuthKey(user.User.AuthProtocol, user.User.AuthPassphrase, engineId.Span);
            if (!UsmAuthentication.Verify(user.User.AuthProtocol, authKey, datagram, message.AuthenticationParametersOffset, usm.AuthenticationParameters.Length))
            {
                return Fail(UsmError.WrongDigest, message, reportable, TrapRejection.AuthenticationFailed);
            }

            // RFC 3414 3.2 7: informs are judged against our own clock (7a); traps, whose sender is
            // authoritative, against our notion of the sender's clock, which they move forward (7b).
            var inWindow = local
                ? Engine.InTimeWindow(usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime)
                : _senderClocks.InTimeWindow(engineId.Span, usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime);
            if (!inWindow)
            {
                Interlocked.Increment(ref _usmStats[(int)UsmError.NotInTimeWindow]);
                var report = reportable ? EncodeReport(message, UsmError.NotInTimeWindow, 0, user, authKey) : null;
                return TrapProcessResult.Rejected(TrapRejection.NotInTimeWindow, report) with { UsmError = UsmError.NotInTimeWindow };
            }
        }

        ScopedPdu scoped;
        if (message.ScopedPdu is { } plain)
        {
            scoped = plain;
        }
        else
        {
            var privKey = _keys.GetPrivKey(user.User.AuthProtocol, user.User.PrivProtocol, user.User.PrivPassphrase, engineId.Span);
            if (!UsmPrivacy.TryDecrypt(user.User.PrivProtocol, privKey, usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime,
                    usm.PrivacyParameters.Span, message.EncryptedPdu.Span, out var plaintext) ||
                !TryDecodeScopedPdu(plaintext, out scoped))
            {
                return Fail(UsmError.DecryptionError, message, reportable, TrapRejection.AuthenticationFailed);
            }
        }

        var pdu = scoped.Pdu;
        if (pdu.Type is not (PduType.SNMPv2Trap or PduType.InformRequest))
        {
            return TrapProcessResult.Rejected(TrapRejection.NotANotification);
        }

        var notification = FromV2Pdu(SnmpVersion.V3, pdu, source) with { UserName = user.User.UserName };
        var reply = pdu.Type == PduType.InformRequest
            ? EncodeResponse(message, scoped, user, level, authKey)
            : null;
        return TrapProcessResult.Accepted(notification, reply);
    }

    private static bool TryDecodeScopedPdu(byte[] plaintext, out ScopedPdu scoped)
    {
        try
        {
            scoped = V3MessageCodec.DecodeScopedPdu(plaintext);
            return true;
        }
        catch (SnmpDecodeException)
        {
            // A wrong privacy key decrypts to garbage: that is a decryption error, not a malformed packet.
            scoped = null!;
            return false;
        }
    }

    private TrapUser? FindUser(ReadOnlySpan<byte> userName, ReadOnlySpan<byte> engineId, bool local)
    {
        foreach (var user in _users)
        {
            if (NameEquals(user.User.UserName, userName) && (local || user.MatchesEngine(engineId)))
            {
                return user;
            }
        }

        return null;
    }

    private static bool NameEquals(string name, ReadOnlySpan<byte> wire)
    {
        Span<byte> buffer = stackalloc byte[UsmUser.MaxUserNameLength];
        return Encoding.UTF8.TryGetBytes(name, buffer, out var written) && buffer[..written].SequenceEqual(wire);
    }

    private TrapProcessResult Fail(UsmError error, V3Message message, bool reportable, TrapRejection rejection)
    {
        var count = Interlocked.Increment(ref _usmStats[(int)error]);
        var report = reportable ? EncodeReport(message, error, count, null, null) : null;
        return TrapProcessResult.Rejected(rejection, report) with { UsmError = error };
    }

    /// <summary>
    /// A Report from our engine (RFC 3412 7.1.3, RFC 3414 3.2): same msgID, the usmStats counter as its
    /// varbind, our engine id, boots and time. Unauthenticated, except notInTimeWindow, which must be
    /// authenticated for the sender to trust our boots and time.
    /// </summary>
    private byte[] EncodeReport(V3Message request, UsmError error, long count, TrapUser? user, byte[]? authKey)
    {
        var requestId = request.ScopedPdu?.Pdu.RequestId ?? 0;
        var oid = new ObjectIdentifier([.. UsmStatsPrefix, (uint)error, 0]);
        if (error == UsmError.NotInTimeWindow)
        {
            count = UsmStat(UsmError.NotInTimeWindow);
        }

        var pdu = new Pdu(PduType.Report, requestId, [new VarBind(oid, SnmpValue.Counter32(unchecked((uint)count)))]);
        var scoped = new ScopedPdu(Engine.EngineId, ReadOnlyMemory<byte>.Empty, pdu);
        var signed = user is not null && authKey is not null;
        var parameters = new UsmSecurityParameters(Engine.EngineId, Engine.Boots, Engine.Time,
            request.SecurityParameters.UserName,
            signed ? new byte[UsmAuthentication.TruncatedLength(user!.User.AuthProtocol)] : ReadOnlyMemory<byte>.Empty,
            ReadOnlyMemory<byte>.Empty);
        var message = new V3Message(request.MessageId, signed ? MessageFlags.Auth : MessageFlags.None, parameters, scoped);
        var datagram = V3MessageCodec.Encode(message, new BerWriter(256), out var authOffset);
        if (signed)
        {
            UsmAuthentication.Sign(user!.User.AuthProtocol, authKey!, datagram, authOffset);
        }

        return datagram;
    }

    /// <summary>The Response to an inform: same msgID, level, user and context; same request-id and varbinds.</summary>
    private byte[] EncodeResponse(V3Message request, ScopedPdu scoped, TrapUser user, SecurityLevel level, byte[]? authKey)
    {
        var usm = request.SecurityParameters;
        var engineId = usm.AuthoritativeEngineId;
        var local = engineId.Span.SequenceEqual(Engine.EngineId.Span);
        var boots = local ? Engine.Boots : usm.AuthoritativeEngineBoots;
        var time = local ? Engine.Time : usm.AuthoritativeEngineTime;
        var answer = new ScopedPdu(scoped.ContextEngineId, scoped.ContextName, new Pdu(PduType.Response, scoped.Pdu.RequestId, scoped.Pdu.VarBinds));
        var writer = new BerWriter(512);
        var authParameters = authKey is null ? ReadOnlyMemory<byte>.Empty : new byte[UsmAuthentication.TruncatedLength(user.User.AuthProtocol)];
        V3Message message;
        var flags = level switch
        {
            SecurityLevel.AuthPriv => MessageFlags.Auth | MessageFlags.Priv,
            SecurityLevel.AuthNoPriv => MessageFlags.Auth,
            _ => MessageFlags.None,
        };
        if (level == SecurityLevel.AuthPriv)
        {
            var privKey = _keys.GetPrivKey(user.User.AuthProtocol, user.User.PrivProtocol, user.User.PrivPassphrase, engineId.Span);
            var plaintext = V3MessageCodec.EncodeScopedPdu(answer, writer);
            var encrypted = _privacy.Encrypt(user.User.PrivProtocol, privKey, boots, time, plaintext, out var salt);
            message = new V3Message(request.MessageId, flags, new UsmSecurityParameters(engineId, boots, time, usm.UserName, authParameters, salt), encrypted);
        }
        else
        {
            message = new V3Message(request.MessageId, flags, new UsmSecurityParameters(engineId, boots, time, usm.UserName, authParameters, ReadOnlyMemory<byte>.Empty), answer);
        }

        var datagram = V3MessageCodec.Encode(message, writer, out var authOffset);
        if (authKey is not null)
        {
            UsmAuthentication.Sign(user.User.AuthProtocol, authKey, datagram, authOffset);
        }

        return datagram;
    }
}

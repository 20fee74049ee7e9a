using System.Net;
using System.Security.Cryptography;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Traps;

/// <summary>
/// Turns one datagram received on the trap port into a <see cref="SnmpNotification"/> or a
/// rejection, and builds the reply (the Response to an inform, a USM Report). Total: any input
/// gives a result, never an exception. No I/O: <see cref="TrapReceiver"/> owns the socket.
/// Thread-safe once built.
/// </summary>
public sealed partial class TrapProcessor
{
    private readonly byte[][] _communities;
    private readonly TrapUser[] _users;
    private readonly UsmKeyCache _keys;
    private readonly UsmPrivacy _privacy = new();
    private readonly long[] _usmStats = new long[7];
    private readonly RemoteEngineClocks _senderClocks;

    public TrapProcessor(IEnumerable<ReadOnlyMemory<byte>> communities, IEnumerable<TrapUser> users, LocalEngine engine, UsmKeyCache? keyCache = null)
    {
        ArgumentNullException.ThrowIfNull(communities);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(engine);
        _communities = [.. communities.Select(c => c.ToArray())];
        _users = [.. users];
        Engine = engine;
        _keys = keyCache ?? UsmKeyCache.Shared;
        _senderClocks = new RemoteEngineClocks(engine.TimeProvider);
    }

    public LocalEngine Engine { get; }

    public TrapProcessResult Process(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return CommunityMessageCodec.PeekVersion(datagram) == SnmpVersion.V3
                ? ProcessV3(datagram, source)
                : ProcessCommunity(datagram, source);
        }
        catch (SnmpDecodeException ex)
        {
            return TrapProcessResult.Rejected(TrapRejection.Malformed) with { Reason = ex.Message };
        }
    }

    private TrapProcessResult ProcessCommunity(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        var message = CommunityMessageCodec.Decode(datagram);
        if (message.PduType is not (PduType.TrapV1 or PduType.SNMPv2Trap or PduType.InformRequest))
        {
            return TrapProcessResult.Rejected(TrapRejection.NotANotification);
        }

        if (!KnownCommunity(message.Community.Span))
        {
            return TrapProcessResult.Rejected(TrapRejection.WrongCommunity);
        }

        if (message.TrapV1 is { } trap)
        {
            var v1 = new SnmpNotification(SnmpVersion.V1, PduType.TrapV1, source, TrapV1Translation.TrapOid(trap), trap.TimeStamp,
                TrapV1Translation.ToV2VarBinds(trap, message.Community));
            return TrapProcessResult.Accepted(v1);
        }

        var pdu = message.Pdu!;
        var notification = FromV2Pdu(message.Version, pdu, source);
        byte[]? reply = null;
        if (pdu.Type == PduType.InformRequest)
        {
            // RFC 3416 4.2.7: the Response carries the same request-id and varbinds.
            reply = CommunityMessageCodec.Encode(new CommunityMessage(message.Version, message.Community,
                new Pdu(PduType.Response, pdu.RequestId, pdu.VarBinds)));
        }

        return TrapProcessResult.Accepted(notification, reply);
    }

    private bool KnownCommunity(ReadOnlySpan<byte> community)
    {
        var known = false;
        foreach (var candidate in _communities)
        {
            // Constant time per candidate, and every candidate is compared: the community is a password.
            known |= candidate.Length == community.Length && CryptographicOperations.FixedTimeEquals(candidate, community);
        }

        return known;
    }

    /// <summary>RFC 3416 4.2.6: sysUpTime.0 then snmpTrapOID.0 first; anything else is not a notification we can name.</summary>
    private static SnmpNotification FromV2Pdu(SnmpVersion version, Pdu pdu, IPEndPoint source)
    {
        var varBinds = pdu.VarBinds;
        if (varBinds.Count < 2 || varBinds[0].Oid != TrapV1Translation.SysUpTime || varBinds[0].Value.Type != SnmpType.TimeTicks ||
            varBinds[1].Oid != TrapV1Translation.SnmpTrapOid || varBinds[1].Value.Type != SnmpType.ObjectIdentifier)
        {
            throw new SnmpDecodeException($"{pdu.Type} without sysUpTime.0 and snmpTrapOID.0 as its first two varbinds");
        }

        return new SnmpNotification(version, pdu.Type, source, varBinds[1].Value.AsObjectIdentifier(), varBinds[0].Value.AsUInt32(), varBinds);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Transport;

/// <summary>
/// SNMPv3 with USM: engine-id discovery, engine boots/time tracking and re-synchronisation,
/// authentication and privacy, and Reports turned into <see cref="SnmpReportException"/>.
/// </summary>
public sealed partial class SnmpClient
{
    private static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse(".1.3.6.1.2.1.1.3.0");

    private readonly ConcurrentDictionary<IPEndPoint, EngineState> _engines = new();
    private readonly ConcurrentDictionary<string, IPEndPoint> _engineOwners = new(StringComparer.Ordinal);
    private readonly UsmPrivacy _privacy = new();

    /// <summary>
    /// Raised (on a pool thread) when an endpoint reports an engine id another endpoint already
    /// has: cloned configurations, or one agent reached over two addresses.
    /// </summary>
    public event EventHandler<DuplicateEngineIdEventArgs>? DuplicateEngineId;

    /// <summary>Where to get localized keys; shared by default, so many clients derive each key once.</summary>
    public UsmKeyCache KeyCache { get; init; } = UsmKeyCache.Shared;

    /// <summary>What this client knows of the SNMPv3 engine at <paramref name="endPoint"/>, if anything.</summary>
    public bool TryGetEngine(IPEndPoint endPoint, out SnmpEngineInfo engine)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (_engines.TryGetValue(Normalize(endPoint), out var state))
        {
            engine = state.ToInfo(_time);
            return true;
        }

        engine = null!;
        return false;
    }

    /// <summary>Discovers (again) the engine id, boots and time of the target's agent.</summary>
    public async Task<SnmpEngineInfo> DiscoverEngineAsync(SnmpTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var state = await DiscoverAsync(target, Normalize(target.EndPoint), cancellationToken);
        return state.ToInfo(_time);
    }

    private async Task<Pdu> SendV3Async(SnmpTarget target, Pdu pdu, CancellationToken cancellationToken)
    {
        var security = target.Security ?? throw new ArgumentException("An SNMPv3 target needs Security (user and security level).", nameof(target));
        var endPoint = Normalize(target.EndPoint);
        var engine = _engines.TryGetValue(endPoint, out var known) && !known.Stale &&
            (security.SecurityEngineId is not { } configured || configured.Span.SequenceEqual(known.EngineId))
            ? known
            : security.SecurityEngineId is { } given
                ? Remember(endPoint, new EngineState(given.ToArray(), 0, 0, _time.GetTimestamp()))
                : await DiscoverAsync(target, endPoint, cancellationToken);
        var resynchronised = false;
        var rediscovered = false;
        while (true)
        {
            Pdu answer;
            V3Received received;
            try
            {
                (answer, received) = await ExchangeV3Async(target, security.Level, target.Retries, endPoint, engine, pdu, cancellationToken);
            }
            catch (SnmpTimeoutException timeout)
            {
                if (security.Level == SecurityLevel.AuthPriv)
                {
                    await DiagnosePrivacyAsync(target, endPoint, engine, timeout, cancellationToken);
                }

                // The agent may have been replaced or re-keyed while silent: discover it again next time.
                engine.Stale = true;
                throw;
            }

            if (answer.Type != PduType.Report)
            {
                return answer;
            }

            var (error, oid) = Classify(answer);
            if (error == UsmError.NotInTimeWindow && !resynchronised && received.Authenticated)
            {
                // RFC 3414 3.2 7a: the authenticated report carries the engine's boots and time
                // (after a reboot: the new boots). Take them and try once more.
                var usm = received.SecurityParameters;
                engine.Observe(usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime, _time.GetTimestamp(), force: true);
                resynchronised = true;
                continue;
            }

            if (error == UsmError.UnknownEngineId && !rediscovered && security.SecurityEngineId is null)
            {
                engine = await DiscoverAsync(target, endPoint, cancellationToken);
                rediscovered = true;
                continue;
            }

            throw new SnmpReportException(error, endPoint, security.User.UserName, oid);
        }
    }

    /// <summary>
    /// An authPriv request that goes unanswered while the agent answers authNoPriv, authenticated,
    /// means our privacy key is wrong (net-snmp drops what it cannot decrypt). A wrong digest there
    /// means the authentication key is wrong. Anything else keeps the timeout.
    /// </summary>
    private async Task DiagnosePrivacyAsync(SnmpTarget target, IPEndPoint endPoint, EngineState engine, SnmpTimeoutException timeout, CancellationToken cancellationToken)
    {
        Pdu answer;
        V3Received received;
        try
        {
            (answer, received) = await ExchangeV3Async(target, SecurityLevel.AuthNoPriv, 0, endPoint, engine, Pdu.GetRequest([SysUpTime]), cancellationToken);
        }
        catch (SnmpException)
        {
            return;
        }

        var user = target.Security!.User.UserName;
        if (answer.Type == PduType.Report)
        {
            var (error, oid) = Classify(answer);
            if (error == UsmError.WrongDigest)
            {
                throw new SnmpReportException(error, endPoint, user, oid, timeout);
            }

            if (!received.Authenticated)
            {
                return;
            }
        }

        throw new SnmpReportException(UsmError.DecryptionError, endPoint, user, null, timeout);
    }

    private async Task<EngineState> DiscoverAsync(SnmpTarget target, IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        // RFC 3414 4: a noAuthNoPriv request with an empty engine id and user name is answered with
        // a usmStatsUnknownEngineIDs report from the authoritative engine, carrying its id, boots and time.
        var discovery = new UsmUser("");
        var (answer, received) = await ExchangeV3Async(target, SecurityLevel.NoAuthNoPriv, target.Retries, endPoint, null, Pdu.GetRequest([]), cancellationToken, discovery);
        var usm = received.SecurityParameters;
        if (usm.AuthoritativeEngineId.IsEmpty)
        {
            throw new SnmpException($"SNMPv3 engine discovery at {endPoint} failed: the {answer.Type} carried no engine id.");
        }

        var engineId = usm.AuthoritativeEngineId.ToArray();
        return Remember(endPoint, new EngineState(engineId, usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime, _time.GetTimestamp()));
    }

    private EngineState Remember(IPEndPoint endPoint, EngineState state)
    {
        _engines[endPoint] = state;
        var engineId = state.EngineId;
        var hex = Convert.ToHexString(engineId);
        var owner = _engineOwners.GetOrAdd(hex, endPoint);
        if (!owner.Equals(endPoint))
        {
            if (_engines.TryGetValue(owner, out var other) && other.EngineId.AsSpan().SequenceEqual(engineId))
            {
                try
                {
                    DuplicateEngineId?.Invoke(this, new DuplicateEngineIdEventArgs(engineId, owner, endPoint));
                }
#pragma warning disable CA1031 // A subscriber's failure (a logging problem) must not fail the request.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
            else
            {
                _engineOwners[hex] = endPoint;
            }
        }

        return state;
    }

    private async Task<(Pdu Answer, V3Received Received)> ExchangeV3Async(SnmpTarget target, SecurityLevel level, int retries, IPEndPoint endPoint,
        EngineState? engine, Pdu pdu, CancellationToken cancellationToken, UsmUser? userOverride = null)
    {
        var security = target.Security!;
        var user = userOverride ?? security.User;
        var engineId = engine?.EngineId ?? [];
        var authKey = level >= SecurityLevel.AuthNoPriv ? KeyCache.GetAuthKey(user.AuthProtocol, user.AuthPassphrase, engineId) : null;
        var privKey = level == SecurityLevel.AuthPriv ? KeyCache.GetPrivKey(user.AuthProtocol, user.PrivProtocol, user.PrivPassphrase, engineId) : null;
        var socket = GetSocket(endPoint.AddressFamily);
        var pending = Register(endPoint, SnmpVersion.V3);
        try
        {
            pending.V3 = new V3Expectation(user, level, engine, authKey, privKey);
            var (boots, time) = engine?.Estimate(_time) ?? (0, 0);
            var scoped = new ScopedPdu(
                engine is null ? ReadOnlyMemory<byte>.Empty : security.ContextEngineId ?? engineId,
                engine is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(security.ContextName),
                pdu.WithRequestId(pending.RequestId));
            var writer = new BerWriter(512);
            var flags = MessageFlags.Reportable | (authKey is null ? 0 : MessageFlags.Auth) | (privKey is null ? 0 : MessageFlags.Priv);
            var authParameters = authKey is null ? [] : new byte[UsmAuthentication.TruncatedLength(user.AuthProtocol)];
            var userName = Encoding.UTF8.GetBytes(user.UserName);
            V3Message message;
            if (privKey is null)
            {
                message = new V3Message(pending.RequestId, flags, new UsmSecurityParameters(engineId, boots, time, userName, authParameters, ReadOnlyMemory<byte>.Empty), scoped);
            }
            else
            {
                var plaintext = V3MessageCodec.EncodeScopedPdu(scoped, writer);
                var encrypted = _privacy.Encrypt(user.PrivProtocol, privKey, boots, time, plaintext, out var salt);
                message = new V3Message(pending.RequestId, flags, new UsmSecurityParameters(engineId, boots, time, userName, authParameters, salt), encrypted);
            }

            var datagram = V3MessageCodec.Encode(message, writer, out var authOffset);
            if (authKey is not null)
            {
                UsmAuthentication.Sign(user.AuthProtocol, authKey, datagram, authOffset);
            }

            var answer = await ExchangeAsync(socket, datagram, endPoint, pending, target.Timeout, retries, cancellationToken);
            return (answer, pending.Received!);
        }
        finally
        {
            _pending.TryRemove(pending.RequestId, out _);
        }
    }

    private static (UsmError Error, ObjectIdentifier? Oid) Classify(Pdu report)
    {
        var oid = report.VarBinds.Count > 0 ? report.VarBinds[0].Oid : null;
        return (UsmReportOids.Classify(oid), oid);
    }
}

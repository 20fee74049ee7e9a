using System.Net;
using System.Text;
using SonLa.Monitor.Snmp.Formatting;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Fuzz;

/// <summary>
/// Everything a hostile datagram reaches in the engine without keys: the version peek a receiver
/// dispatches on, the community decoder (v1/v2c, SNMPv1 Trap-PDU), the v3 decoder (header, USM
/// parameters, ScopedPDU), the HMAC check and decryption with fixed keys (garbage in, false out),
/// the trap receiver's <see cref="TrapProcessor"/> configured with the corpus's community and v3
/// user (so captured traps authenticate and decrypt, and mutants go deep), whose replies must
/// decode again, and both formatters on whatever decoded. <see cref="SnmpDecodeException"/> is the one allowed
/// failure; any other exception escapes, and so does <see cref="UnboundedWorkException"/> when the
/// bytes allocated are out of proportion to the datagram's size (a claimed length was trusted).
/// </summary>
public static class HostileDatagram
{
    /// <summary>The largest UDP payload over IPv4: nothing bigger can arrive.</summary>
    public const int MaxDatagramLength = 65_507;

    /// <summary>
    /// Decoding allocates at most a few objects per TLV (an OID's arcs, a varbind slot, a copy of
    /// an OCTET STRING); measured worst cases stay under 40 bytes per input byte.
    /// </summary>
    public const int MaxDecodeBytesPerInputByte = 64;

    /// <summary>Formatting adds text: hex pairs, OID dots, JSON escapes, builder growth.</summary>
    public const int MaxTotalBytesPerInputByte = 512;

    /// <summary>Fixed cost whatever the size: exception objects and messages, small buffers.</summary>
    public const int AllocationAllowance = 64 * 1024;

    // Fixed, public-in-the-source keys: the point is to run the code paths on hostile bytes, not to authenticate.
    private static readonly byte[] AuthKey = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
    private static readonly byte[] PrivKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    // fuzz/capture-corpus.py's community, user, and the engine id its v3 traps are sent with (-e).
    private static readonly byte[] CorpusEngineId = Convert.FromHexString("80001F8804736F6E6C612D66757A7A");
    private static readonly IPEndPoint Source = new(IPAddress.Loopback, 50162);
    private static readonly TrapProcessor Traps = CreateTrapProcessor();

    /// <summary>Runs every decoder entry on <paramref name="datagram"/>; returns how many decoded.</summary>
    public static int Process(ReadOnlySpan<byte> datagram)
    {
        // Read before measuring: the first read builds the processor and derives its keys (1 MB of hashing).
        var traps = Traps;
        var start = GC.GetAllocatedBytesForCurrentThread();
        var decoded = 0;
        var community = TryDecode(datagram, static d => CommunityMessageCodec.Decode(d));
        var v3 = TryDecode(datagram, static d => V3MessageCodec.Decode(d));
        var scoped = TryDecode(datagram, static d => V3MessageCodec.DecodeScopedPdu(d));
        _ = TryDecode(datagram, static d => CommunityMessageCodec.PeekVersion(d));
        CheckAllocation(start, datagram.Length, MaxDecodeBytesPerInputByte, "decoding");

        if (community is not null)
        {
            decoded++;
            Format(community);
        }

        if (v3 is not null)
        {
            decoded++;
            Format(v3, datagram);
        }

        if (scoped is not null)
        {
            decoded++;
            Format(scoped);
        }

        var trap = traps.Process(datagram, Source);
        if (trap.Notification is { } notification)
        {
            Consume(notification.TrapOid.ToString());
            Consume(notification.ToString());
            FormatAll(notification.VarBinds);
        }

        if (trap.Reply is { } reply)
        {
            CheckReply(reply);
        }

        CheckAllocation(start, datagram.Length, MaxTotalBytesPerInputByte, "decoding and formatting");
        return decoded;
    }

    /// <summary>The trap receiver's verdict on <paramref name="datagram"/> (tests check the corpus gets deep).</summary>
    public static TrapProcessResult ProcessTrap(ReadOnlySpan<byte> datagram) => Traps.Process(datagram, Source);

    private static TrapProcessor CreateTrapProcessor()
    {
        var engine = LocalEngine.Create("fuzz", TimeProvider.System);
        var user = new UsmUser("fuzzuser", AuthProtocol.Sha256, "fuzz-auth-pass", PrivProtocol.Aes128, "fuzz-priv-pass");
        var keys = new UsmKeyCache();

        // Password-to-key hashes 1 MB once per passphrase: done here, not inside a measured run.
        _ = keys.GetAuthKey(user.AuthProtocol, user.AuthPassphrase, CorpusEngineId);
        _ = keys.GetPrivKey(user.AuthProtocol, user.PrivProtocol, user.PrivPassphrase, CorpusEngineId);
        return new TrapProcessor([Encoding.UTF8.GetBytes("fuzz-corpus")], [new TrapUser(user, SecurityLevel.NoAuthNoPriv, CorpusEngineId)], engine, keys);
    }

    /// <summary>What we send back (inform Response, USM Report) must be a message we can decode ourselves.</summary>
    private static void CheckReply(byte[] reply)
    {
        try
        {
            if (CommunityMessageCodec.PeekVersion(reply) == SnmpVersion.V3)
            {
                V3MessageCodec.Decode(reply);
            }
            else
            {
                CommunityMessageCodec.Decode(reply);
            }
        }
        catch (SnmpDecodeException e)
        {
            throw new InvalidOperationException($"the trap receiver's {reply.Length}-byte reply does not decode: {e.Message}", e);
        }
    }

    private static T? TryDecode<T>(ReadOnlySpan<byte> datagram, Decoder<T> decode)
        where T : class
    {
        try
        {
            return decode(datagram);
        }
        catch (SnmpDecodeException)
        {
            return null;
        }
    }

    private static SnmpVersion? TryDecode(ReadOnlySpan<byte> datagram, VersionPeek peek)
    {
        try
        {
            return peek(datagram);
        }
        catch (SnmpDecodeException)
        {
            return null;
        }
    }

    private static void Format(CommunityMessage message)
    {
        Consume(message.ToString());
        _ = message.CommunityEquals("public"u8);
        if (message.Pdu is { } pdu)
        {
            Format(pdu);
        }

        if (message.TrapV1 is { } trap)
        {
            Consume(trap.Enterprise.ToString());
            Consume(trap.AgentAddress.ToString());
            Consume(trap.ToString());
            FormatAll(trap.VarBinds);
        }
    }

    private static void Format(V3Message message, ReadOnlySpan<byte> datagram)
    {
        Consume(message.ToString());
        var usm = message.SecurityParameters;
        Consume(Convert.ToHexString(usm.AuthoritativeEngineId.Span));
        Consume(Encoding.UTF8.GetString(usm.UserName.Span));
        foreach (var protocol in (ReadOnlySpan<AuthProtocol>)[AuthProtocol.Sha1, AuthProtocol.Sha256])
        {
            _ = UsmAuthentication.Verify(protocol, AuthKey, datagram, message.AuthenticationParametersOffset,
                usm.AuthenticationParameters.Length);
        }

        if (message.ScopedPdu is { } scoped)
        {
            Format(scoped);
            return;
        }

        foreach (var protocol in (ReadOnlySpan<PrivProtocol>)[PrivProtocol.Des, PrivProtocol.Aes128])
        {
            if (UsmPrivacy.TryDecrypt(protocol, PrivKey, usm.AuthoritativeEngineBoots, usm.AuthoritativeEngineTime,
                    usm.PrivacyParameters.Span, message.EncryptedPdu.Span, out var plaintext))
            {
                var decrypted = TryDecode(plaintext, static d => V3MessageCodec.DecodeScopedPdu(d));
                if (decrypted is not null)
                {
                    Format(decrypted);
                }
            }
        }
    }

    private static void Format(ScopedPdu scoped)
    {
        Consume(Convert.ToHexString(scoped.ContextEngineId.Span));
        Consume(Encoding.UTF8.GetString(scoped.ContextName.Span));
        Format(scoped.Pdu);
    }

    private static void Format(Pdu pdu)
    {
        Consume(pdu.ToString());
        FormatAll(pdu.VarBinds);
    }

    private static void FormatAll(IReadOnlyList<VarBind> varBinds)
    {
        foreach (var varBind in varBinds)
        {
            Consume(NetSnmpFormatter.Format(varBind));
            Consume(JsonVarBindWriter.ToJson(varBind));
            Consume(varBind.ToString());
            _ = varBind.Value.TryGetText(out _);
            _ = varBind.Value.GetHashCode();
        }
    }

    private static void CheckAllocation(long start, int inputLength, int perByte, string what)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread() - start;
        var limit = ((long)inputLength * perByte) + AllocationAllowance;
        if (allocated > limit)
        {
            throw new UnboundedWorkException(
                $"{what} a {inputLength}-byte datagram allocated {allocated} bytes (limit {limit}): a claimed length was trusted?");
        }
    }

    // Keeps the JIT from dropping a formatting call whose result is unused.
    private static void Consume(string text)
    {
        if (text.Length < 0)
        {
            throw new InvalidOperationException("unreachable");
        }
    }

    private delegate T Decoder<out T>(ReadOnlySpan<byte> datagram);

    private delegate SnmpVersion VersionPeek(ReadOnlySpan<byte> datagram);
}

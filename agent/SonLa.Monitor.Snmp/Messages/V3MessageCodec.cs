using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Messages;

/// <summary>
/// Encodes and decodes SNMPv3 messages (RFC 3412 6, USM parameters RFC 3414 2.4). Decoding is
/// bounded and total like the rest of the codec: it throws only <see cref="SnmpDecodeException"/>.
/// It checks structure only; authentication and decryption are the security layer's.
/// </summary>
public static class V3MessageCodec
{
    /// <summary>RFC 3412: msgMaxSize (484..2^31-1).</summary>
    public const int MinMaxSize = 484;

    /// <summary>Engine ids are at most 32 octets (RFC 3411); some agents are sloppy, so we allow a little more.</summary>
    private const int MaxEngineIdLength = 64;

    private const int MaxNameLength = 255;

    /// <summary>The longest truncated HMAC is HMAC-SHA-512's 48 octets (RFC 7860); some slack for the unknown.</summary>
    private const int MaxAuthenticationParametersLength = 64;

    /// <summary>
    /// Encodes <paramref name="message"/>; msgAuthenticationParameters is written as given (zeros
    /// of the right length when the caller signs afterwards, at <paramref name="authenticationParametersOffset"/>).
    /// </summary>
    public static byte[] Encode(V3Message message, BerWriter writer, out int authenticationParametersOffset)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Reset();
        var mark = writer.Mark();
        if (message.ScopedPdu is { } scoped)
        {
            WriteScopedPdu(writer, scoped);
        }
        else
        {
            writer.WriteOctetString(message.EncryptedPdu.Span);
        }

        var usm = message.SecurityParameters;
        var parametersMark = writer.Mark();
        var sequenceMark = writer.Mark();
        writer.WriteOctetString(usm.PrivacyParameters.Span);
        writer.WriteRaw(usm.AuthenticationParameters.Span);
        var authEnd = writer.Length;
        writer.WriteLength(usm.AuthenticationParameters.Length);
        writer.WriteByte(BerTag.OctetString);
        writer.WriteOctetString(usm.UserName.Span);
        writer.WriteInteger(usm.AuthoritativeEngineTime);
        writer.WriteInteger(usm.AuthoritativeEngineBoots);
        writer.WriteOctetString(usm.AuthoritativeEngineId.Span);
        writer.EndConstructed(BerTag.Sequence, sequenceMark);
        writer.EndConstructed(BerTag.OctetString, parametersMark);

        var headerMark = writer.Mark();
        writer.WriteInteger(message.SecurityModel);
        writer.WriteOctetString([(byte)message.Flags]);
        writer.WriteInteger(message.MaxSize);
        writer.WriteInteger(message.MessageId);
        writer.EndConstructed(BerTag.Sequence, headerMark);
        writer.WriteInteger((int)SnmpVersion.V3);
        writer.EndConstructed(BerTag.Sequence, mark);
        authenticationParametersOffset = writer.Length - authEnd;
        return writer.ToArray();
    }

    public static byte[] EncodeScopedPdu(ScopedPdu scopedPdu, BerWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scopedPdu);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Reset();
        WriteScopedPdu(writer, scopedPdu);
        return writer.ToArray();
    }

    /// <summary>Decodes an SNMPv3 message; throws only <see cref="SnmpDecodeException"/>.</summary>
    public static V3Message Decode(ReadOnlySpan<byte> datagram)
    {
        var reader = new BerReader(datagram);
        var message = reader.ReadConstructed(BerTag.Sequence, "SNMP message");
        reader.ExpectEnd("SNMP message");
        var offset = message.Offset;
        var version = message.ReadInteger32(what: "msgVersion");
        if (version != (int)SnmpVersion.V3)
        {
            throw new SnmpDecodeException($"msgVersion {version} is not SNMPv3", offset);
        }

        var header = message.ReadConstructed(BerTag.Sequence, "msgGlobalData");
        offset = header.Offset;
        var messageId = header.ReadInteger32(what: "msgID");
        if (messageId < 0)
        {
            throw new SnmpDecodeException($"negative msgID {messageId}", offset);
        }

        offset = header.Offset;
        var maxSize = header.ReadInteger32(what: "msgMaxSize");
        if (maxSize < MinMaxSize)
        {
            throw new SnmpDecodeException($"msgMaxSize {maxSize} below {MinMaxSize}", offset);
        }

        offset = header.Offset;
        var flagBytes = header.ReadTlv(BerTag.OctetString, "msgFlags");
        if (flagBytes.Length != 1)
        {
            throw new SnmpDecodeException($"msgFlags of {flagBytes.Length} bytes instead of 1", offset);
        }

        var flags = (MessageFlags)(flagBytes[0] & 0x07);
        if ((flags & (MessageFlags.Auth | MessageFlags.Priv)) == MessageFlags.Priv)
        {
            throw new SnmpDecodeException("msgFlags ask for privacy without authentication", offset);
        }

        offset = header.Offset;
        var securityModel = header.ReadInteger32(what: "msgSecurityModel");
        if (securityModel != V3Message.UsmSecurityModel)
        {
            throw new SnmpDecodeException($"msgSecurityModel {securityModel} is not USM (3)", offset);
        }

        header.ExpectEnd("msgGlobalData");
        var usm = ReadUsm(ref message, out var authOffset);
        var dataOffset = message.Offset;
        var tag = message.PeekTag();
        V3Message result;
        if (tag == BerTag.OctetString)
        {
            if ((flags & MessageFlags.Priv) == 0)
            {
                throw new SnmpDecodeException("encryptedPDU in a message without the privacy flag", dataOffset);
            }

            var encrypted = BerPrimitives.DecodeOctets(message.ReadTlv(BerTag.OctetString, "encryptedPDU"), dataOffset, "encryptedPDU");
            result = new V3Message(messageId, flags, usm, encrypted) { MaxSize = maxSize, AuthenticationParametersOffset = authOffset };
        }
        else
        {
            if ((flags & MessageFlags.Priv) != 0)
            {
                throw new SnmpDecodeException("plaintext ScopedPDU in a message with the privacy flag", dataOffset);
            }

            var scoped = ReadScopedPdu(ref message);
            result = new V3Message(messageId, flags, usm, scoped) { MaxSize = maxSize, AuthenticationParametersOffset = authOffset };
        }

        message.ExpectEnd("SNMP message");
        return result;
    }

    /// <summary>
    /// Decodes a decrypted ScopedPDU. Bytes after it are ignored: DES pads to 8-byte blocks.
    /// </summary>
    public static ScopedPdu DecodeScopedPdu(ReadOnlySpan<byte> plaintext)
    {
        var reader = new BerReader(plaintext);
        return ReadScopedPdu(ref reader);
    }

    private static UsmSecurityParameters ReadUsm(ref BerReader message, out int authOffset)
    {
        var parameters = message.ReadTlv(BerTag.OctetString, "msgSecurityParameters");
        // The contents' position in the datagram: the HMAC covers the whole message.
        var contentsOffset = message.Offset - parameters.Length;
        var outer = BerReader.At(parameters, contentsOffset);
        var usm = outer.ReadConstructed(BerTag.Sequence, "UsmSecurityParameters");
        outer.ExpectEnd("msgSecurityParameters");
        var engineId = ReadBoundedOctets(ref usm, "msgAuthoritativeEngineID", MaxEngineIdLength);
        var offset = usm.Offset;
        var boots = usm.ReadInteger32(what: "msgAuthoritativeEngineBoots");
        var time = usm.ReadInteger32(what: "msgAuthoritativeEngineTime");
        if (boots < 0 || time < 0)
        {
            throw new SnmpDecodeException("negative engine boots or time", offset);
        }

        var userName = ReadBoundedOctets(ref usm, "msgUserName", MaxNameLength);
        offset = usm.Offset;
        var auth = usm.ReadTlv(BerTag.OctetString, "msgAuthenticationParameters");
        if (auth.Length > MaxAuthenticationParametersLength)
        {
            throw new SnmpDecodeException($"msgAuthenticationParameters of {auth.Length} bytes (at most {MaxAuthenticationParametersLength})", offset);
        }

        authOffset = usm.Offset - auth.Length;
        var authBytes = auth.ToArray();
        var priv = ReadBoundedOctets(ref usm, "msgPrivacyParameters", MaxNameLength);
        usm.ExpectEnd("UsmSecurityParameters");
        return new UsmSecurityParameters(engineId, boots, time, userName, authBytes, priv);
    }

    private static ScopedPdu ReadScopedPdu(ref BerReader reader)
    {
        var scoped = reader.ReadConstructed(BerTag.Sequence, "ScopedPDU");
        var engineId = ReadBoundedOctets(ref scoped, "contextEngineID", MaxEngineIdLength);
        var name = ReadBoundedOctets(ref scoped, "contextName", MaxNameLength);
        var pdu = PduCodec.Read(ref scoped);
        scoped.ExpectEnd("ScopedPDU");
        return new ScopedPdu(engineId, name, pdu);
    }

    private static byte[] ReadBoundedOctets(ref BerReader reader, string what, int max)
    {
        var offset = reader.Offset;
        var contents = reader.ReadTlv(BerTag.OctetString, what);
        return contents.Length > max
            ? throw new SnmpDecodeException($"{what} of {contents.Length} bytes (at most {max})", offset)
            : contents.ToArray();
    }

    private static void WriteScopedPdu(BerWriter writer, ScopedPdu scoped)
    {
        var mark = writer.Mark();
        PduCodec.Write(writer, scoped.Pdu);
        writer.WriteOctetString(scoped.ContextName.Span);
        writer.WriteOctetString(scoped.ContextEngineId.Span);
        writer.EndConstructed(BerTag.Sequence, mark);
    }
}

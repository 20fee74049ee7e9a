namespace SonLa.Monitor.Snmp.Messages;

/// <summary>
/// An SNMPv3 message (RFC 3412 6): msgGlobalData, USM security parameters, and the ScopedPdu in
/// plaintext or encrypted. After decoding, <see cref="AuthenticationParametersOffset"/> locates
/// msgAuthenticationParameters in the datagram so the HMAC can be checked over it.
/// </summary>
public sealed class V3Message
{
    /// <summary>Our msgMaxSize: the largest UDP payload over IPv4.</summary>
    public const int DefaultMaxSize = 65_507;

    public const int UsmSecurityModel = 3;

    public V3Message(int messageId, MessageFlags flags, UsmSecurityParameters securityParameters, ScopedPdu scopedPdu)
    {
        ArgumentNullException.ThrowIfNull(securityParameters);
        ArgumentNullException.ThrowIfNull(scopedPdu);
        MessageId = messageId;
        Flags = flags;
        SecurityParameters = securityParameters;
        ScopedPdu = scopedPdu;
    }

    public V3Message(int messageId, MessageFlags flags, UsmSecurityParameters securityParameters, ReadOnlyMemory<byte> encryptedPdu)
    {
        ArgumentNullException.ThrowIfNull(securityParameters);
        MessageId = messageId;
        Flags = flags;
        SecurityParameters = securityParameters;
        EncryptedPdu = encryptedPdu;
    }

    public int MessageId { get; }

    public int MaxSize { get; init; } = DefaultMaxSize;

    public MessageFlags Flags { get; }

    public int SecurityModel { get; init; } = UsmSecurityModel;

    public UsmSecurityParameters SecurityParameters { get; }

    /// <summary>The plaintext ScopedPdu, or null when <see cref="EncryptedPdu"/> holds it encrypted.</summary>
    public ScopedPdu? ScopedPdu { get; }

    public ReadOnlyMemory<byte> EncryptedPdu { get; }

    public bool IsEncrypted => ScopedPdu is null;

    /// <summary>Offset of msgAuthenticationParameters' contents in the decoded or encoded datagram.</summary>
    public int AuthenticationParametersOffset { get; init; } = -1;

    public override string ToString() =>
        $"SNMPv3 message msgID {MessageId}, flags {Flags}, {(ScopedPdu?.Pdu.ToString() ?? $"{EncryptedPdu.Length} encrypted byte(s)")}";
}

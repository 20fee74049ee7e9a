using CsCheck;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Tests.Hostile;

namespace SonLa.Monitor.Snmp.Tests.Messages;

public sealed class V3MessageCodecTests
{
    private static readonly byte[] EngineId = Hex.Bytes("80001F8880E9630000D61FF449");

    [Fact]
    public void Plaintext_RoundTrips_AndLocatesTheAuthenticationParameters()
    {
        var bytes = Sample(encrypted: false, out var authOffset);
        var message = V3MessageCodec.Decode(bytes);
        Assert.Equal((4321, MessageFlags.Auth | MessageFlags.Reportable, 7, 1234), (message.MessageId, message.Flags, message.SecurityParameters.AuthoritativeEngineBoots, message.SecurityParameters.AuthoritativeEngineTime));
        Assert.Equal(authOffset, message.AuthenticationParametersOffset);
        Assert.Equal("ops", System.Text.Encoding.UTF8.GetString(message.SecurityParameters.UserName.Span));
        Assert.Equal(Hex.Of(EngineId), Hex.Of(message.ScopedPdu!.ContextEngineId.Span));
        Assert.Equal(987654, message.ScopedPdu.Pdu.RequestId);
        Assert.True(UsmAuthentication.Verify(AuthProtocol.Sha256, new byte[32], bytes, authOffset, 24));
        bytes[^1] ^= 1;
        Assert.False(UsmAuthentication.Verify(AuthProtocol.Sha256, new byte[32], bytes, authOffset, 24));
    }

    [Fact]
    public void Encrypted_RoundTrips()
    {
        var message = V3MessageCodec.Decode(Sample(encrypted: true, out _));
        Assert.True(message.IsEncrypted);
        Assert.Equal(100, message.EncryptedPdu.Length);
    }

    [Theory]
    [InlineData("v2c message", "30 0B 02 01 01 04 00 A2 04 02 01 00")]
    [InlineData("priv without auth", "30 1A 02 01 03 30 0D 02 01 01 02 02 05 DC 04 01 02 02 01 03 04 00 04 00")]
    [InlineData("security model 2", "30 1A 02 01 03 30 0D 02 01 01 02 02 05 DC 04 01 04 02 01 02 04 00 04 00")]
    [InlineData("msgMaxSize too small", "30 19 02 01 03 30 0C 02 01 01 02 01 64 04 01 04 02 01 03 04 00 04 00")]
    public void Invalid_ThrowsSnmpDecodeException(string description, string hex)
    {
        Assert.Throws<SnmpDecodeException>(() => V3MessageCodec.Decode(Hex.Bytes(hex)));
        _ = description;
    }

    [Fact]
    public void EveryTruncation_ThrowsSnmpDecodeException()
    {
        foreach (var bytes in new[] { Sample(false, out _), Sample(true, out _) })
        {
            for (var length = 0; length < bytes.Length; length++)
            {
                var truncated = bytes[..length];
                Assert.Throws<SnmpDecodeException>(() => V3MessageCodec.Decode(truncated));
            }
        }
    }

    [Fact]
    public void MutatedMessages_ThrowNothingButSnmpDecodeException() =>
        DecodeProperties.MutationsThrowOnlyDecodeException([Sample(false, out _), Sample(true, out _)],
            bytes => V3MessageCodec.Decode(bytes), bytes => V3MessageCodec.DecodeScopedPdu(bytes));

    [Fact]
    public void RandomBytes_ThrowNothingButSnmpDecodeException() =>
        DecodeProperties.RandomBytesThrowOnlyDecodeException(bytes => V3MessageCodec.Decode(bytes));

    /// <summary>A signed authNoPriv Response (all-zero SHA-256 key), or an authPriv one with a 100-byte encryptedPDU.</summary>
    internal static byte[] Sample(bool encrypted, out int authOffset)
    {
        var usm = new UsmSecurityParameters(EngineId, 7, 1234, "ops"u8.ToArray(), new byte[24], encrypted ? new byte[8] : ReadOnlyMemory<byte>.Empty);
        var pdu = new Pdu(PduType.Response, 987654, CommunityMessageCodecTests.SampleResponseVarBinds());
        var message = encrypted
            ? new V3Message(4321, MessageFlags.Auth | MessageFlags.Priv, usm, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray())
            : new V3Message(4321, MessageFlags.Auth | MessageFlags.Reportable, usm, new ScopedPdu(EngineId, "ctx"u8.ToArray(), pdu));
        var bytes = V3MessageCodec.Encode(message, new BerWriter(64), out authOffset);
        UsmAuthentication.Sign(AuthProtocol.Sha256, new byte[32], bytes, authOffset);
        return bytes;
    }
}

using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Tests.Security;

public sealed class UsmPrivacyTests
{
    [Theory]
    [InlineData(PrivProtocol.Des)]
    [InlineData(PrivProtocol.Aes128)]
    [InlineData(PrivProtocol.Aes192)]
    [InlineData(PrivProtocol.Aes256)]
    public void EncryptThenDecrypt_GivesThePlaintextBack(PrivProtocol protocol)
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
        var privacy = new UsmPrivacy();
        foreach (var length in new[] { 1, 15, 16, 17, 100, 1000 })
        {
            var plaintext = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
            var ciphertext = privacy.Encrypt(protocol, key, 3, 12345, plaintext, out var salt);
            Assert.Equal(8, salt.Length);
            // AES-CFB is a stream mode: no padding. DES-CBC pads to 8-byte blocks.
            Assert.Equal(protocol == PrivProtocol.Des ? (length + 7) / 8 * 8 : length, ciphertext.Length);
            Assert.NotEqual(Hex.Of(plaintext), Hex.Of(ciphertext.AsSpan(0, length)));
            Assert.True(UsmPrivacy.TryDecrypt(protocol, key, 3, 12345, salt, ciphertext, out var back));
            Assert.Equal(Hex.Of(plaintext), Hex.Of(back.AsSpan(0, length)));
        }
    }

    [Fact]
    public void SaltsNeverRepeat()
    {
        var privacy = new UsmPrivacy();
        var salts = Enumerable.Range(0, 100).Select(_ =>
        {
            privacy.Encrypt(PrivProtocol.Aes128, new byte[16], 1, 1, [1, 2, 3], out var salt);
            return Hex.Of(salt);
        });
        Assert.Equal(100, salts.Distinct().Count());
    }

    [Theory]
    [InlineData(PrivProtocol.Des, 7, 8)]
    [InlineData(PrivProtocol.Des, 0, 8)]
    [InlineData(PrivProtocol.Des, 16, 7)]
    [InlineData(PrivProtocol.Aes128, 16, 0)]
    public void ImpossibleSizes_AreRefusedWithoutThrowing(PrivProtocol protocol, int ciphertextLength, int saltLength)
    {
        Assert.False(UsmPrivacy.TryDecrypt(protocol, new byte[32], 0, 0, new byte[saltLength], new byte[ciphertextLength], out _));
    }
}

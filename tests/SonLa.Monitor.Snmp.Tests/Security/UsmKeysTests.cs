using SonLa.Monitor.Snmp.Security;

namespace SonLa.Monitor.Snmp.Tests.Security;

public sealed class UsmKeysTests
{
    private static readonly byte[] EngineId = Hex.Bytes("000000000000000000000002");

    [Theory]
    // RFC 3414 A.3.1 and A.3.2: "maplesyrup", engine id 00..02.
    [InlineData(AuthProtocol.Md5, "9FAF3283884E92834EBC9847D8EDD963", "526F5EED9FCCE26F8964C2930787D82B")]
    [InlineData(AuthProtocol.Sha1, "9FB5CC0381497B3793528939FF788D5D79145211", "6695FEBC9288E36282235FC7151F128497B38F3F")]
    public void Rfc3414Vectors_PasswordToKeyAndLocalisation(AuthProtocol protocol, string ku, string kul)
    {
        var key = UsmKeys.PasswordToKey(protocol, "maplesyrup");
        Assert.Equal(ku, Hex.Of(key));
        Assert.Equal(kul, Hex.Of(UsmKeys.Localize(protocol, key, EngineId)));
    }

    [Fact]
    public void Sha224_MatchesFips180Vectors()
    {
        Assert.Equal("23097D223405D8228642A477BDA255B32AADBCE4BDA0B3F7E36C9DA7", Hex.Of(Sha224Probe.Hash("abc"u8)));
        Assert.Equal("D14A028C2A3A2BC9476102BB288234C415A2B01F828EA62AC5B3E42F", Hex.Of(Sha224Probe.Hash([])));
        // 56 bytes: the padding needs a second block.
        Assert.Equal("75388B16512776CC5DBA5DA1FD890150B0C6455CB4F58B1952522525",
            Hex.Of(Sha224Probe.Hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8)));
    }

    [Fact]
    public void HmacSha224_MatchesRfc4231Vectors()
    {
        Assert.Equal("896FB1128ABBDF196832107CD49DF33F47B4B1169912BA4F53684B22",
            Hex.Of(Sha224Probe.Hmac(Enumerable.Repeat((byte)0x0b, 20).ToArray(), "Hi There"u8)));
        // Test case 6: a key longer than the block is hashed first.
        Assert.Equal("95E9A0DB962095ADAEBE9B2D6F0DBCE2D499F112F2D2B7273FA6870E",
            Hex.Of(Sha224Probe.Hmac(Enumerable.Repeat((byte)0xaa, 131).ToArray(), "Test Using Larger Than Block-Size Key - Hash Key First"u8)));
    }

    [Theory]
    [InlineData(AuthProtocol.Md5, 12)]
    [InlineData(AuthProtocol.Sha1, 12)]
    [InlineData(AuthProtocol.Sha224, 16)]
    [InlineData(AuthProtocol.Sha256, 24)]
    [InlineData(AuthProtocol.Sha384, 32)]
    [InlineData(AuthProtocol.Sha512, 48)]
    public void TruncatedLengths_AreRfc7860s(AuthProtocol protocol, int length) =>
        Assert.Equal(length, UsmAuthentication.TruncatedLength(protocol));

    [Fact]
    public void Blumenthal_AppendsHashOfEverythingSoFar()
    {
        var kul = UsmKeys.Localize(AuthProtocol.Md5, UsmKeys.PasswordToKey(AuthProtocol.Md5, "maplesyrup"), EngineId);
        var extended = UsmKeys.ExtendBlumenthal(AuthProtocol.Md5, kul, 32);
        Assert.Equal(Hex.Of(kul), Hex.Of(extended.AsSpan(0, 16)));
        Assert.Equal(Hex.Of(UsmAuthentication.Hash(AuthProtocol.Md5, kul)), Hex.Of(extended.AsSpan(16)));
    }

    [Fact]
    public void Reeder_AppendsALocalizedKeyDerivedFromTheKey()
    {
        var kul = UsmKeys.Localize(AuthProtocol.Sha1, UsmKeys.PasswordToKey(AuthProtocol.Sha1, "maplesyrup"), EngineId);
        var extended = UsmKeys.ExtendReeder(AuthProtocol.Sha1, kul, EngineId, 32);
        var second = UsmKeys.Localize(AuthProtocol.Sha1, UsmKeys.PasswordToKey(AuthProtocol.Sha1, kul), EngineId);
        Assert.Equal(Hex.Of([.. kul, .. second.AsSpan(0, 12)]), Hex.Of(extended));
    }

    [Fact]
    public void LongEnoughKeys_AreNotExtended_SoBothAes256NamesAgreeWithSha256()
    {
        var ku = UsmKeys.PasswordToKey(AuthProtocol.Sha256, "privpass1");
        Assert.Equal(
            Hex.Of(UsmKeys.LocalizePrivKey(AuthProtocol.Sha256, PrivProtocol.Aes256, ku, EngineId)),
            Hex.Of(UsmKeys.LocalizePrivKey(AuthProtocol.Sha256, PrivProtocol.Aes256Cisco, ku, EngineId)));
    }

    [Fact]
    public void Cache_DerivesOnceAndSeparatesEnginesAndPassphrases()
    {
        var cache = new UsmKeyCache();
        var a = cache.GetAuthKey(AuthProtocol.Sha1, "maplesyrup", EngineId);
        Assert.Same(a, cache.GetAuthKey(AuthProtocol.Sha1, "maplesyrup", EngineId));
        Assert.Equal("6695FEBC9288E36282235FC7151F128497B38F3F", Hex.Of(a));
        Assert.NotEqual(Hex.Of(a), Hex.Of(cache.GetAuthKey(AuthProtocol.Sha1, "maplesyrup", Hex.Bytes("000000000000000000000003"))));
        Assert.NotEqual(Hex.Of(a), Hex.Of(cache.GetAuthKey(AuthProtocol.Sha1, "maplesyrup2", EngineId)));
        Assert.Equal(3 + 2, cache.Count);
    }

    private static class Sha224Probe
    {
        public static byte[] Hash(ReadOnlySpan<byte> data) => Sha224.HashData(data);

        public static byte[] Hmac(byte[] key, ReadOnlySpan<byte> data) => Sha224.Hmac(key, data);
    }
}

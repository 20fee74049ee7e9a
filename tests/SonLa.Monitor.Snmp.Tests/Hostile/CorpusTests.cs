using SonLa.Monitor.Snmp.Fuzz;
using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>
/// The fuzz corpus (real snmpd answers, requests, snmptrap v1/v2c/v3 and snmpinform datagrams
/// captured by fuzz/capture-corpus.py) and every crasher go through the harness's own target:
/// decoding, v3 HMAC/decryption with fixed keys and both formatters, bounded allocation.
/// </summary>
public sealed class CorpusTests
{
    [Fact]
    public void Corpus_HasTheCapturedPackets()
    {
        var names = HostileInputs.Corpus().Select(file => file.Name).ToList();

        Assert.True(names.Count >= 20, $"only {names.Count} corpus files");
        foreach (var prefix in (string[])["v2c-get.response", "v2c-getbulk-iftable.response", "v1-nosuchname.response",
                     "v3-authpriv-get.response", "trap-v1-", "trap-v2c-", "trap-v3-authpriv", "inform-v2c", "inform-v3"])
        {
            Assert.Contains(names, name => name.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.All(HostileInputs.Corpus(), file => Assert.InRange(file.Bytes.Length, 1, 2047));
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void CorpusFile_DecodesAndFormats(string name)
    {
        var bytes = HostileInputs.CorpusFile(name);

        Assert.Equal(1, HostileDatagram.Process(bytes));
        var version = CommunityMessageCodec.PeekVersion(bytes);
        if (version == SnmpVersion.V3)
        {
            V3MessageCodec.Decode(bytes);
        }
        else
        {
            CommunityMessageCodec.Decode(bytes);
        }
    }

    [Theory]
    [InlineData("trap-v1-linkdown.bin")]
    [InlineData("trap-v1-enterprise.bin")]
    [InlineData("trap-v2c-linkdown.bin")]
    [InlineData("trap-v2c-coldstart.bin")]
    [InlineData("trap-v2c-types.bin")]
    [InlineData("inform-v2c.bin")]
    [InlineData("trap-v3-authpriv.bin")]
    [InlineData("trap-v3-noauth.bin")]
    public void CorpusNotification_IsAcceptedByTheHarnessTrapReceiver(string name)
    {
        // The seeds must get past community and USM checks, or the fuzzer never reaches the code behind them.
        var result = HostileDatagram.ProcessTrap(HostileInputs.CorpusFile(name));

        Assert.True(result.Notification is not null, $"{name}: {result.Rejection} {result.Reason}");
    }

    [Fact]
    public void EveryCrasher_ThrowsNothingButSnmpDecodeException()
    {
        foreach (var (name, bytes) in HostileInputs.Crashers())
        {
            var exception = Record.Exception(() => HostileDatagram.Process(bytes));
            Assert.True(exception is null, $"{name}: {exception}");
        }
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void EveryTruncation_IsRejectedWithBoundedWork(string name)
    {
        var bytes = HostileInputs.CorpusFile(name);
        var isV3 = CommunityMessageCodec.PeekVersion(bytes) == SnmpVersion.V3;
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length).ToArray();
            HostileDatagram.Process(prefix);
            Assert.Throws<SnmpDecodeException>(() => isV3 ? (object)V3MessageCodec.Decode(prefix) : CommunityMessageCodec.Decode(prefix));
        }
    }

    [Fact]
    public void SeededMutations_DecodeWithinBounds()
    {
        var random = new Random(20261127);
        var corpus = HostileInputs.Corpus();
        var decoded = 0;
        for (var i = 0; i < 6000; i++)
        {
            var (_, original) = corpus[i % corpus.Count];
            var mutant = Mutator.Mutate(original, random);
            var exception = Record.Exception(() => decoded += HostileDatagram.Process(mutant));
            Assert.True(exception is null, $"mutation {i} of {corpus[i % corpus.Count].Name} ({Hex.Of(mutant)}): {exception}");
        }

        // Mutations that keep a message valid exercise the formatters on odd values too.
        Assert.InRange(decoded, 100, 6000);
    }

    public static TheoryData<string> CorpusNames() => HostileInputs.CorpusNames();
}

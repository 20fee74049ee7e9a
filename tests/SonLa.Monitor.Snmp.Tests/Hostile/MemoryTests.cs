using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Snmp.Tests.Hostile;

/// <summary>Allocation per hostile decode is bounded by the datagram, and nothing is retained.</summary>
public sealed class MemoryTests
{
    private const int Decodes = 100_000;

    [Fact]
    public void HundredThousandHostileDecodes_AllocateBoundedBytesEachAndRetainNothing()
    {
        var random = new Random(7);
        var corpus = HostileInputs.Corpus();
        var inputs = Enumerable.Range(0, 1000).Select(i => Mutator.Mutate(corpus[i % corpus.Count].Bytes, random)).ToArray();
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        long worst = 0;
        for (var i = 0; i < Decodes; i++)
        {
            var input = inputs[i % inputs.Length];
            var before = GC.GetAllocatedBytesForCurrentThread();
            Decode(input);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Exceptions cost a few KB (message, stack trace); the rest scales with the input.
            Assert.True(allocated <= (input.Length * 64L) + 16_384, $"decode {i} of {input.Length} bytes allocated {allocated} bytes");
            worst = Math.Max(worst, allocated);
        }

        var retainedAfter = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(retainedAfter - retainedBefore < 4_000_000, $"retained {retainedAfter - retainedBefore} bytes after {Decodes} decodes (worst decode {worst})");
    }

    [Fact]
    public void ClaimedHugeLength_FailsWithoutAllocatingIt()
    {
        // SEQUENCE claiming 2^31-1 bytes, then an OCTET STRING claiming 16 MB, in 20 bytes.
        var bytes = Hex.Bytes("30 84 7F FF FF FF 02 01 01 04 84 01 00 00 00 70 75 62 6C 69");
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.Throws<SnmpDecodeException>(() => CommunityMessageCodec.Decode(bytes));
        Assert.Throws<SnmpDecodeException>(() => V3MessageCodec.Decode(bytes));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32_768);
    }

    private static void Decode(byte[] input)
    {
        try
        {
            CommunityMessageCodec.Decode(input);
        }
        catch (SnmpDecodeException)
        {
        }

        try
        {
            V3MessageCodec.Decode(input);
        }
        catch (SnmpDecodeException)
        {
        }
    }
}

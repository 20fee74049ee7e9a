using System.Diagnostics;
using System.Globalization;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Messages;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// Decode (and encode) of a 50-varbind ifTable GETBULK response on one thread: our hand-written
/// codec against System.Formats.Asn1, reported as varbinds per second of thread CPU time and bytes
/// allocated per varbind.
/// </summary>
internal static class CodecBench
{
    private const int Rounds = 5;
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(800);

    public static void Run()
    {
        var message = IfTableResponse.Build();
        var ours = CommunityMessageCodec.Decode(message).Pdu!.VarBinds;
        if (!ours.SequenceEqual(Asn1MessageDecoder.Decode(message, bclOids: true)) ||
            !ours.SequenceEqual(Asn1MessageDecoder.Decode(message, bclOids: false)))
        {
            throw new InvalidOperationException("The decoders disagree.");
        }

        var decodedMessage = CommunityMessageCodec.Decode(message);
        var writer = new BerWriter(2048);
        (string Name, Func<int> Run, string Note)[] cases =
        [
            ("codec.decode", () => CommunityMessageCodec.Decode(message).Pdu!.VarBinds.Count, "target >= 1,000,000"),
            ("codec.decode.asn1", () => Asn1MessageDecoder.Decode(message, bclOids: true).Count, "System.Formats.Asn1 incl. its OID strings"),
            ("codec.decode.asn1_rawoid", () => Asn1MessageDecoder.Decode(message, bclOids: false).Count, "System.Formats.Asn1 framing, OID contents by hand"),
            ("codec.encode", () =>
            {
                CommunityMessageCodec.Encode(decodedMessage, writer);
                return IfTableResponse.VarBindCount;
            }, "same message, reused writer"),
        ];

        // Warm-up lets tiered JIT reach its optimised code; rounds are interleaved so every case
        // sees the same neighbours on this shared machine.
        foreach (var c in cases)
        {
            Measure(c.Run, TimeSpan.FromMilliseconds(500));
        }

        var rates = cases.Select(_ => new List<double>()).ToArray();
        var bytes = cases.Select(_ => new List<double>()).ToArray();
        var walls = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var (rate, perVarBind, wall) = Measure(cases[i].Run, RoundTime);
                rates[i].Add(rate);
                walls[i].Add(wall);
                bytes[i].Add(perVarBind);
            }
        }

        var invariant = CultureInfo.InvariantCulture;
        for (var i = 0; i < cases.Length; i++)
        {
            rates[i].Sort();
            bytes[i].Sort();
            walls[i].Sort();
            Console.WriteLine(string.Create(invariant,
                $"{cases[i].Name,-26} varbinds/s/core={rates[i][Rounds / 2]:N0}  bytes/varbind={bytes[i][Rounds / 2]:0}  wall_varbinds/s={walls[i][Rounds / 2]:N0}  ({cases[i].Note})"));
        }
    }

    private static (double Rate, double BytesPerVarBind, double WallRate) Measure(Func<int> decode, TimeSpan duration)
    {
        long varBinds = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = ThreadCpuClock.Now();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 64; i++)
            {
                varBinds += decode();
            }
        }

        var cpu = ThreadCpuClock.Now() - start;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return (varBinds / cpu.TotalSeconds, (double)allocated / varBinds, varBinds / clock.Elapsed.TotalSeconds);
    }
}

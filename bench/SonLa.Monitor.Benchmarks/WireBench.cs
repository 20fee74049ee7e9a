using System.Globalization;
using System.IO.Compression;
using System.Text;
using Google.Protobuf;
using Grpc.Net.Compression;
using SonLa.Monitor.Protocol.Compact;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// Bytes on the agent→collector stream per field value and per sample for the IF-MIB <see cref="WireWorkload"/>: what gRPC
/// puts in its length-prefixed messages (5-byte prefix + the message, gzip'd by gRPC's own provider when compressed),
/// against the anchor measured in the same run: the same samples as gzip'd InfluxDB line protocol, the body Telegraf
/// would POST (HTTP headers not counted, which favours the anchor). Target: ≤ 2 bytes per field value.
/// </summary>
internal static class WireBench
{
    private const int GrpcPrefixBytes = 5;
    private const int Rounds = 24 * 60;
    private const int TelegrafBatchLines = 1000;

    public static void Run()
    {
        var workload = new WireWorkload();
        var polls = new List<IReadOnlyList<Point>>();
        for (var round = 0; round < Rounds; round++)
        {
            polls.AddRange(workload.NextPoll());
        }

        var samples = polls.Sum(p => p.Count);
        var values = polls.Sum(p => p.Sum(point => point.Fields.Count));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wire: {WireWorkload.Devices} devices x {WireWorkload.InterfacesPerDevice} interfaces, 60 s interval, {Rounds / 60} h: {polls.Count} device polls, {samples:N0} samples, {values:N0} field values"));

        var lines = polls.Select(p => p.Select(LineOf).ToList()).ToList();
        var anchorLive = lines.Sum(l => Gzip(Utf8(l), CompressionLevel.Optimal).Length);
        var allLines = lines.SelectMany(l => l).ToList();
        var anchorBacklog = allLines.Chunk(TelegrafBatchLines).Sum(chunk => Gzip(Utf8(chunk), CompressionLevel.Optimal).Length);
        var plainLines = allLines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
        Report("anchor.lineprotocol", plainLines, samples, values, null, "no gzip");
        Report("anchor.live", anchorLive, samples, values, null, "gzip'd line protocol, one POST per device poll");
        Report("anchor.backlog", anchorBacklog, samples, values, null, $"gzip'd line protocol, {TelegrafBatchLines} lines per POST (Telegraf's metric_batch_size)");

        // Live: one batch per device poll, as SampleBatcher appends them. Backlog: the same batches resent with backfill.
        var sequence = 0UL;
        var live = polls.Select(p => Batch(p, ++sequence, backfill: false)).ToList();
        var backlog = polls.Select(p => Batch(p, ++sequence, backfill: true)).ToList();
        CheckRoundTrip(live);
        Measure("live", live, samples, values, anchorLive);
        Measure("backlog", backlog, samples, values, anchorBacklog);

        // Backlog merged by CompactBatchCodec.Merge (SampleBatch.merged_sequences): one message per N stored batches.
        // The agent's uplink merges UplinkSettings.BacklogMergeBatches (60) at most.
        var shippedBacklog = 0L;
        foreach (var per in new[] { WireWorkload.Devices, 60, WireWorkload.Devices * 60 })
        {
            var merged = backlog.Chunk(per).Select(CompactBatchCodec.Merge).Select(b => new AgentMessage { Batch = b }.ToByteArray()).ToList();
            var bytes = merged.Sum(m => GrpcGzip(m, CompressionLevel.Optimal)) + (GrpcPrefixBytes * merged.Count);
            shippedBacklog = per == 60 ? bytes : shippedBacklog;
            Report($"backlog.merged_{per}.compact_gzip", bytes, samples, values, anchorBacklog, $"{merged.Count} messages of {per} batches, gzip Optimal");
        }

        Speed(live, values);

        var shippedLive = CompactGzip(live);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wire.summary  as the agent sends: live {(double)shippedLive / values:0.00} bytes/field ({(double)shippedLive / anchorLive:0.00} of gzip'd line protocol), backlog {(double)shippedBacklog / values:0.00} bytes/field ({(double)shippedBacklog / anchorBacklog:0.00}); target <= 2 bytes/field: live {(shippedLive <= 2L * values ? "met" : "NOT met")}, backlog {(shippedBacklog <= 2L * values ? "met" : "NOT met")}"));
    }

    /// <summary>Time per batch of Compact (agent) and parse + Expand (collector) against parsing plain points; the second of two runs.</summary>
    private static void Speed(List<SampleBatch> batches, int values)
    {
        var plain = batches.Select(b => b.ToByteArray()).ToList();
        var compactBytes = batches.Select(b =>
        {
            var copy = b.Clone();
            CompactBatchCodec.Compact(copy);
            return copy.ToByteArray();
        }).ToList();
        var compact = Time(() => batches.Select(b => b.Clone()).Sum(copy =>
        {
            CompactBatchCodec.Compact(copy);
            return copy.Points.Count;
        }));
        var expand = Time(() => compactBytes.Sum(bytes => CompactBatchCodec.Expand(SampleBatch.Parser.ParseFrom(bytes)).Count));
        var parse = Time(() => plain.Sum(bytes => SampleBatch.Parser.ParseFrom(bytes).Points.Count));
        string Per(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMicroseconds / batches.Count:0} us/batch ({t.TotalNanoseconds / values:0} ns/value)");
        Console.WriteLine($"wire.speed  compact={Per(compact)}  parse+expand={Per(expand)}  anchor: parse of plain points={Per(parse)}");
    }

    private static TimeSpan Time(Func<int> run)
    {
        run();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        run();
        return clock.Elapsed;
    }

    private static long CompactGzip(List<SampleBatch> batches) => batches.Sum(b =>
    {
        var copy = b.Clone();
        CompactBatchCodec.Compact(copy);
        return GrpcGzip(new AgentMessage { Batch = copy }.ToByteArray(), CompressionLevel.Optimal) + GrpcPrefixBytes;
    });

    private static void Measure(string name, List<SampleBatch> batches, int samples, int values, long anchor)
    {
        var plain = batches.Select(b => new AgentMessage { Batch = b }.ToByteArray()).ToList();
        var compact = batches.Select(b =>
        {
            var copy = b.Clone();
            CompactBatchCodec.Compact(copy);
            return new AgentMessage { Batch = copy }.ToByteArray();
        }).ToList();
        var count = batches.Count;
        Report($"{name}.proto", plain.Sum(m => (long)m.Length) + (GrpcPrefixBytes * count), samples, values, anchor, $"{count} messages, plain points");
        Report($"{name}.proto_gzip", plain.Sum(m => GrpcGzip(m, CompressionLevel.Optimal)) + (GrpcPrefixBytes * count), samples, values, anchor, "gzip Optimal");
        Report($"{name}.compact", compact.Sum(m => (long)m.Length) + (GrpcPrefixBytes * count), samples, values, anchor, "compact_points");
        Report($"{name}.compact_gzip_fastest", compact.Sum(m => GrpcGzip(m, CompressionLevel.Fastest)) + (GrpcPrefixBytes * count), samples, values, anchor, "gzip Fastest (grpc-dotnet's default level)");
        Report($"{name}.compact_gzip", compact.Sum(m => GrpcGzip(m, CompressionLevel.Optimal)) + (GrpcPrefixBytes * count), samples, values, anchor, "gzip Optimal");
        Report($"{name}.compact_gzip_smallest", compact.Sum(m => GrpcGzip(m, CompressionLevel.SmallestSize)) + (GrpcPrefixBytes * count), samples, values, anchor, "gzip SmallestSize");
    }

    private static void Report(string name, long bytes, int samples, int values, long? anchor, string note)
    {
        var ratio = anchor is { } a ? string.Create(CultureInfo.InvariantCulture, $"  vs_anchor={(double)bytes / a:0.000}") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} bytes={bytes,12:N0}  bytes/field={(double)bytes / values,6:0.000}  bytes/sample={(double)bytes / samples,7:0.00}{ratio}  ({note})"));
    }

    private static SampleBatch Batch(IReadOnlyList<Point> points, ulong sequence, bool backfill)
    {
        var batch = new SampleBatch { BootId = "6f1c2a9e4b7d4e0f9a3b5c7d8e9f0a1b", Sequence = sequence, Backfill = backfill };
        batch.Points.AddRange(points);
        return batch;
    }

    private static void CheckRoundTrip(List<SampleBatch> batches)
    {
        foreach (var batch in batches.Take(50))
        {
            var copy = batch.Clone();
            CompactBatchCodec.Compact(copy);
            var back = CompactBatchCodec.Expand(SampleBatch.Parser.ParseFrom(copy.ToByteArray()));
            // Point equality compares maps as sets and doubles bit for bit; only the order of points may differ.
            var remaining = batch.Points.ToList();
            if (back.Count != remaining.Count || !back.All(p => remaining.Remove(p)))
            {
                throw new InvalidOperationException("The compact encoding did not round-trip the workload.");
            }
        }
    }

    /// <summary>The compressed message exactly as gRPC writes it, through grpc-dotnet's own gzip provider.</summary>
    private static long GrpcGzip(byte[] message, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var stream = new GzipCompressionProvider(level).CreateCompressionStream(output, level))
        {
            stream.Write(message);
        }

        return output.Length;
    }

    private static byte[] Gzip(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Utf8(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    /// <summary>InfluxDB line protocol as Telegraf writes it: tags sorted, integers with "i", floats shortest round-trip.</summary>
    private static string LineOf(Point point)
    {
        var line = new StringBuilder(Escape(point.Measurement, ", "));
        foreach (var (key, value) in point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            line.Append(',').Append(Escape(key, ",= ")).Append('=').Append(Escape(value, ",= "));
        }

        var separator = ' ';
        foreach (var (key, value) in point.Fields)
        {
            line.Append(separator).Append(Escape(key, ",= ")).Append('=').Append(value.ValueCase switch
            {
                FieldValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
                FieldValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture) + "i",
                FieldValue.ValueOneofCase.UintValue => value.UintValue.ToString(CultureInfo.InvariantCulture) + "i",
                FieldValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
                _ => "\"" + value.StringValue.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            });
            separator = ',';
        }

        return line.Append(' ').Append(point.TimeUnixNs.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Escape(string text, string special)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

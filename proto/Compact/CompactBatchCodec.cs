using Google.Protobuf;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// The compact, self-contained encoding of a batch's points (<see cref="SampleBatch.CompactPoints"/>): one string table
/// per batch, points grouped by field schema, columns of values written constant, delta-zigzag or plain, whichever is
/// smallest. Every value type, timestamp and tag round-trips exactly (doubles bit for bit, NaN and infinities included);
/// only the order of points is not kept. Format: proto/Compact/FORMAT.md.
/// </summary>
public static class CompactBatchCodec
{
    /// <summary>
    /// Moves the batch's points into <see cref="SampleBatch.CompactPoints"/>, in place. Points the format cannot carry
    /// (a field without value, a string with a lone surrogate) stay in <see cref="SampleBatch.Points"/>; when the compact
    /// form would not be smaller, the batch is left as it was.
    /// </summary>
    public static void Compact(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var points = batch.CompactPoints.IsEmpty ? [] : Decode(batch.CompactPoints.Span);
        var before = points.Count;
        var plain = new List<Point>();
        foreach (var point in batch.Points)
        {
            (CanEncode(point) ? points : plain).Add(point);
        }

        if (points.Count == before)
        {
            return;
        }

        if (CompactEncoder.TryEncode(points) is not { } bytes
            || bytes.Length >= PlainSize(points) && before == 0)
        {
            return;
        }

        batch.CompactPoints = ByteString.CopyFrom(bytes);
        batch.Points.Clear();
        batch.Points.AddRange(plain);
    }

    /// <summary>
    /// One compact batch standing for all of <paramref name="batches"/> (same boot id, sent as one message from the backlog):
    /// the first batch's sequence, the others' in <see cref="SampleBatch.MergedSequences"/>, every point and event.
    /// </summary>
    /// <exception cref="ArgumentException">No batches, or batches of different boot ids.</exception>
    /// <exception cref="CompactFormatException">A batch's compact section is malformed.</exception>
    public static SampleBatch Merge(IReadOnlyList<SampleBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0)
        {
            throw new ArgumentException("nothing to merge", nameof(batches));
        }

        var merged = new SampleBatch { BootId = batches[0].BootId, Sequence = batches[0].Sequence };
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            if (!string.Equals(batch.BootId, merged.BootId, StringComparison.Ordinal))
            {
                throw new ArgumentException("batches of different boot ids cannot be merged", nameof(batches));
            }

            if (i > 0)
            {
                merged.MergedSequences.Add(batch.Sequence);
            }

            merged.MergedSequences.AddRange(batch.MergedSequences);
            merged.Points.AddRange(Expand(batch));
            merged.Events.AddRange(batch.Events);
            merged.Backfill |= batch.Backfill;
        }

        Compact(merged);
        return merged;
    }

    /// <summary>Every point of the batch: the plain ones, then those decoded from the compact section.</summary>
    /// <exception cref="CompactFormatException">The compact section is malformed.</exception>
    public static IReadOnlyList<Point> Expand(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.CompactPoints.IsEmpty)
        {
            return batch.Points;
        }

        var points = new List<Point>(batch.Points);
        points.AddRange(Decode(batch.CompactPoints.Span));
        return points;
    }

    /// <summary>The compact form of <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">A point cannot be encoded (see <see cref="CanEncode"/>).</exception>
    public static ByteString Encode(IReadOnlyList<Point> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var bytes = CompactEncoder.TryEncode(points)
            ?? throw new ArgumentException("a point has a field without value, a string that is not valid UTF-16, or exceeds CompactLimits", nameof(points));
        return ByteString.CopyFrom(bytes);
    }

    /// <exception cref="CompactFormatException">The bytes are malformed, truncated or exceed <see cref="CompactLimits"/>.</exception>
    public static List<Point> Decode(ReadOnlySpan<byte> data) => CompactDecoder.Decode(data);

    /// <summary>The compact section decoded into checked columns, for readers that build their own point type.</summary>
    /// <exception cref="CompactFormatException">The bytes are malformed, truncated or exceed <see cref="CompactLimits"/>.</exception>
    public static CompactColumns DecodeColumns(ReadOnlySpan<byte> data) => CompactDecoder.DecodeColumns(data);

    /// <summary>Every field has a value (the plain form tolerates an empty one; the collector drops that point).</summary>
    public static bool CanEncode(Point point)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var field in point.Fields)
        {
            if (CompactEncoder.Kind(field.Value) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static long PlainSize(List<Point> points)
    {
        long size = 0;
        foreach (var point in points)
        {
            var length = point.CalculateSize();
            size += 1 + CodedOutputStream.ComputeLengthSize(length) + length;
        }

        return size;
    }
}

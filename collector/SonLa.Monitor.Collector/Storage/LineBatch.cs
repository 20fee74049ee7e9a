using System.Buffers;
using System.Text;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Points already formatted as InfluxDB line protocol (UTF-8), in one or more segments that are
/// written one after the other with a newline between them. Formatting happens once, on the
/// agent's stream; the writer stage only concatenates segments into one request body.
/// </summary>
public sealed class LineBatch
{
    private static readonly UTF8Encoding Utf8 = new(false);

    // A first guess that errs low (a device point takes about 120 bytes, an interface point 260): growing a pooled
    // array costs one copy, while a guess too high leaves the queue's memory bound counting unused bytes.
    private const int ExpectedBytesPerPoint = 128;

    private byte[]? _rented;

    public LineBatch(IReadOnlyList<ReadOnlyMemory<byte>> segments, int points)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segments = segments;
        Points = points;
        long bytes = 0;
        foreach (var segment in segments)
        {
            bytes += segment.Length + 1;
        }

        Bytes = Math.Max(0, bytes - 1);
        HeldBytes = Bytes;
    }

    private LineBatch(byte[] rented, int length, int points)
        : this([rented.AsMemory(0, length)], points)
    {
        _rented = rented;
        HeldBytes = rented.Length;
    }

    /// <summary>Each segment: whole lines joined by '\n', without a trailing newline.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Segments { get; }

    public int Points { get; }

    /// <summary>Length of the request body in bytes (segments plus the newlines between them).</summary>
    public long Bytes { get; }

    /// <summary>Memory this batch holds: <see cref="Bytes"/>, or the whole pooled array the lines were formatted into.</summary>
    public long HeldBytes { get; }

    public static LineBatch From(IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return new LineBatch([], 0);
        }

        var output = new PooledByteWriter(points.Count * ExpectedBytesPerPoint);
        try
        {
            LineProtocol.Write(output, points);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(output.Detach());
            throw;
        }

        var length = output.WrittenCount;
        return new LineBatch(output.Detach(), length, points.Count);
    }

    /// <summary>
    /// Gives a pooled array back once the lines are written for good (nothing may read <see cref="Segments"/> after
    /// that). Only the owner of the batch calls it; a batch never released is simply collected.
    /// </summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Several batches as one request body.</summary>
    public static LineBatch Concat(IReadOnlyList<LineBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 1)
        {
            return batches[0];
        }

        var segments = new List<ReadOnlyMemory<byte>>();
        var points = 0;
        foreach (var batch in batches)
        {
            foreach (var segment in batch.Segments)
            {
                if (segment.Length > 0)
                {
                    segments.Add(segment);
                }
            }

            points += batch.Points;
        }

        return new LineBatch(segments, points);
    }

    /// <summary>The body as text (for writers that take a string).</summary>
    public string ToText()
    {
        var text = new StringBuilder((int)Math.Min(Bytes, int.MaxValue / 2));
        for (var i = 0; i < Segments.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(Utf8.GetString(Segments[i].Span));
        }

        return text.ToString();
    }

    /// <summary>Writes the body to <paramref name="stream"/> without joining the segments in memory first.</summary>
    public async Task CopyToAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var newline = "\n"u8.ToArray();
        for (var i = 0; i < Segments.Count; i++)
        {
            if (i > 0)
            {
                await stream.WriteAsync(newline, cancellationToken);
            }

            await stream.WriteAsync(Segments[i], cancellationToken);
        }
    }
}

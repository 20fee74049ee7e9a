using System.Buffers;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Detach"/> hands
/// the array over to its next owner, who returns it. A backlog drain formats a message of 660 points into 170 KB: as new
/// arrays, each of those (and each growth step) landed on the large-object heap and the collector spent a fifth of its
/// time in full garbage collections.
/// </summary>
internal sealed class PooledByteWriter : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    public PooledByteWriter(int sizeHint) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, sizeHint));

    public int WrittenCount => _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written)
        {
            throw new InvalidOperationException("advanced past the buffer");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>The rented array (its first <see cref="WrittenCount"/> bytes are the content); this writer is done.</summary>
    public byte[] Detach()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        return buffer;
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(1, sizeHint);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(checked(Math.Max(_buffer.Length * 2, _written + needed)));
        _buffer.AsSpan(0, _written).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}

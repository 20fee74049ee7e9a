using System.Buffers.Binary;
using System.Text;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Reads what <see cref="CompactWriter"/> wrote; every malformed or truncated input throws <see cref="CompactFormatException"/>.</summary>
internal ref struct CompactReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const long MaxExactIntegral = 1L << 53;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public CompactReader(ReadOnlySpan<byte> data) => _data = data;

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public byte ReadByte(string what)
    {
        if (_position >= _data.Length)
        {
            throw Truncated(what);
        }

        return _data[_position++];
    }

    public ulong ReadVarint(string what)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte(what);
            // The tenth byte may only carry the top bit of a 64-bit value.
            if (shift == 63 && b > 1)
            {
                throw Fail($"{what}: varint longer than 64 bits");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Fail($"{what}: varint longer than 64 bits");
    }

    public long ReadSigned(string what)
    {
        var raw = ReadVarint(what);
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>A count whose items each take at least <paramref name="minBytesEach"/> bytes, so it is bounded by what is left.</summary>
    public int ReadCount(string what, int minBytesEach)
    {
        var count = ReadVarint(what);
        if (count > (ulong)(Remaining / minBytesEach))
        {
            throw Fail($"{what} {count} exceeds what the remaining {Remaining} bytes can hold");
        }

        return (int)count;
    }

    /// <summary>An index into a table of <paramref name="limit"/> entries.</summary>
    public int ReadIndex(string what, int limit)
    {
        var index = ReadVarint(what);
        if (index >= (ulong)limit)
        {
            throw Fail($"{what} {index} out of range (table has {limit})");
        }

        return (int)index;
    }

    public double ReadDouble(string what)
    {
        var tag = ReadVarint(what);
        if ((tag & 1) == 0)
        {
            var zigzag = tag >> 1;
            var integral = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            if (integral is > MaxExactIntegral or < -MaxExactIntegral)
            {
                throw Fail($"{what}: integral double {integral} beyond 2^53");
            }

            return integral;
        }

        if (tag != 1)
        {
            throw Fail($"{what}: unknown double tag {tag}");
        }

        if (Remaining < 8)
        {
            throw Truncated(what);
        }

        var bits = BinaryPrimitives.ReadInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return BitConverter.Int64BitsToDouble(bits);
    }

    public string ReadString(string what)
    {
        var length = ReadVarint(what);
        if (length > (ulong)Remaining)
        {
            throw Truncated(what);
        }

        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new CompactFormatException($"{what}: invalid UTF-8 at byte {_position - (int)length}", ex);
        }
    }

    public readonly CompactFormatException Fail(string message) => new($"compact points: {message} (at byte {_position})");

    private readonly CompactFormatException Truncated(string what) => Fail($"truncated in {what}");
}

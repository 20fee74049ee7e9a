using System.Buffers.Binary;
using System.Text;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Appends varints, zigzag integers, tagged doubles and strings to a growing buffer.</summary>
internal sealed class CompactWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[] _buffer = new byte[256];
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public static int VarintLength(ulong value) => value < 0x80 ? 1 : (64 - System.Numerics.BitOperations.LeadingZeroCount(value) + 6) / 7;

    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    public static int SignedLength(long value) => VarintLength(ZigZag(value));

    /// <summary>An integral double that survives a round trip through long exactly (not -0.0, within ±2^53).</summary>
    public static bool IsSmallIntegral(double value, out long integral)
    {
        integral = 0;
        if (!(Math.Abs(value) <= 9007199254740992.0) || value != Math.Floor(value) || double.IsNegative(value) && value == 0)
        {
            return false;
        }

        integral = (long)value;
        return true;
    }

    public static int DoubleLength(double value) =>
        IsSmallIntegral(value, out var integral) ? VarintLength(ZigZag(integral) << 1) : 9;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    public void WriteSigned(long value) => WriteVarint(ZigZag(value));

    /// <summary>
    /// A double as one varint tag: even = an integral value, zigzag(value) shifted left by one; 1 = the 8 IEEE-754 bytes
    /// follow, little-endian (so NaN payloads, infinities and -0.0 survive bit for bit).
    /// </summary>
    public void WriteDouble(double value)
    {
        if (IsSmallIntegral(value, out var integral))
        {
            WriteVarint(ZigZag(integral) << 1);
            return;
        }

        WriteVarint(1);
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), BitConverter.DoubleToInt64Bits(value));
        _length += 8;
    }

    /// <summary>UTF-8, strictly: a string with a lone surrogate throws <see cref="EncoderFallbackException"/>.</summary>
    public void WriteString(string value)
    {
        var count = StrictUtf8.GetByteCount(value);
        WriteVarint((ulong)count);
        Ensure(count);
        _length += StrictUtf8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }
}

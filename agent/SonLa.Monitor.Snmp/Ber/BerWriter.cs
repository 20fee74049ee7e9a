using System.Buffers.Binary;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Ber;

/// <summary>
/// BER encoder that writes backwards, from the end of its buffer: contents are written before their
/// header, so every length is known when it is written and nothing is encoded twice. Callers write
/// the elements of a constructed value in reverse order, then call <see cref="EndConstructed"/>.
/// </summary>
public sealed class BerWriter
{
    private byte[] _buffer;
    private int _start;

    public BerWriter(int initialCapacity = 512)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
        _start = _buffer.Length;
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.Length - _start;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(_start);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Reset() => _start = _buffer.Length;

    /// <summary>Marks the end of a constructed value's contents (call before writing them).</summary>
    public int Mark() => Length;

    /// <summary>Writes the header of a constructed value whose contents were written since <paramref name="mark"/>.</summary>
    public void EndConstructed(byte tag, int mark)
    {
        WriteLength(Length - mark);
        WriteByte(tag);
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[--_start] = value;
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        _start -= bytes.Length;
        bytes.CopyTo(_buffer.AsSpan(_start));
    }

    public void WriteLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length < 0x80)
        {
            WriteByte((byte)length);
            return;
        }

        var count = 0;
        while (length > 0)
        {
            WriteByte((byte)length);
            length >>= 8;
            count++;
        }

        WriteByte((byte)(0x80 | count));
    }

    public void WriteInteger(long value, byte tag = BerTag.Integer)
    {
        var count = 0;
        do
        {
            WriteByte((byte)value);
            value >>= 8;
            count++;
        }
        while (!((value == 0 && (_buffer[_start] & 0x80) == 0) || (value == -1 && (_buffer[_start] & 0x80) != 0)));

        WriteLength(count);
        WriteByte(tag);
    }

    public void WriteUnsigned(ulong value, byte tag)
    {
        var count = 0;
        do
        {
            WriteByte((byte)value);
            value >>= 8;
            count++;
        }
        while (value != 0);

        if ((_buffer[_start] & 0x80) != 0)
        {
            WriteByte(0);
            count++;
        }

        WriteLength(count);
        WriteByte(tag);
    }

    public void WriteOctetString(ReadOnlySpan<byte> value, byte tag = BerTag.OctetString)
    {
        WriteRaw(value);
        WriteLength(value.Length);
        WriteByte(tag);
    }

    public void WriteNull(byte tag = BerTag.Null)
    {
        WriteByte(0);
        WriteByte(tag);
    }

    public void WriteObjectIdentifier(ObjectIdentifier oid, byte tag = BerTag.ObjectIdentifier)
    {
        ArgumentNullException.ThrowIfNull(oid);
        var arcs = oid.Components;
        var mark = Mark();
        for (var i = arcs.Length - 1; i >= 2; i--)
        {
            WriteSubIdentifier(arcs[i]);
        }

        // net-snmp encodes a one-arc OID as if the second arc were 0, and an empty one as 0.0.
        ulong head = arcs.Length switch
        {
            0 => 0,
            1 => arcs[0] * 40UL,
            _ => (arcs[0] * 40UL) + arcs[1],
        };
        WriteSubIdentifier(head);
        EndConstructed(tag, mark);
    }

    public void WriteIpAddress(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        WriteOctetString(bytes, (byte)SnmpType.IpAddress);
    }

    private void WriteSubIdentifier(ulong value)
    {
        WriteByte((byte)(value & 0x7F));
        value >>= 7;
        while (value != 0)
        {
            WriteByte((byte)(0x80 | (value & 0x7F)));
            value >>= 7;
        }
    }

    private void Ensure(int count)
    {
        if (_start >= count)
        {
            return;
        }

        var length = Length;
        var size = Math.Max(_buffer.Length * 2, length + count + 16);
        var bigger = new byte[size];
        _buffer.AsSpan(_start).CopyTo(bigger.AsSpan(size - length));
        _buffer = bigger;
        _start = size - length;
    }
}

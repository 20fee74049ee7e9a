namespace SonLa.Monitor.Snmp.Ber;

/// <summary>
/// Forward-only reader of BER (X.690) definite-length encodings as SNMP uses them. Every length is
/// checked against the bytes actually present before anything is sliced or allocated, nesting is
/// bounded, and every failure is a <see cref="SnmpDecodeException"/>.
/// </summary>
public ref struct BerReader
{
    /// <summary>SNMPv3 nests about six levels deep; anything far deeper is an attack or garbage.</summary>
    public const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private readonly int _depth;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
        : this(data, 0, 0)
    {
    }

    /// <summary>A reader over bytes nested in an outer buffer at <paramref name="baseOffset"/> (offsets in errors stay outer).</summary>
    public static BerReader At(ReadOnlySpan<byte> data, int baseOffset) => new(data, baseOffset, 1);

    private BerReader(ReadOnlySpan<byte> data, int baseOffset, int depth)
    {
        _data = data;
        _baseOffset = baseOffset;
        _depth = depth;
        _position = 0;
    }

    public readonly bool HasData => _position < _data.Length;

    /// <summary>Offset of the next byte from the start of the outermost buffer (for error messages).</summary>
    public readonly int Offset => _baseOffset + _position;

    public readonly byte PeekTag()
    {
        if (_position >= _data.Length)
        {
            throw Error("expected a tag, found the end of the data");
        }

        return _data[_position];
    }

    /// <summary>Reads one TLV and returns its tag and contents.</summary>
    public ReadOnlySpan<byte> ReadTlv(out byte tag)
    {
        tag = PeekTag();
        if ((tag & 0x1F) == 0x1F)
        {
            throw Error($"multi-byte tag 0x{tag:X2} is not used by SNMP");
        }

        _position++;
        var length = ReadLength();
        var contents = _data.Slice(_position, length);
        _position += length;
        return contents;
    }

    /// <summary>Reads one TLV whose tag must be <paramref name="expectedTag"/>.</summary>
    public ReadOnlySpan<byte> ReadTlv(byte expectedTag, string what)
    {
        var offset = Offset;
        var contents = ReadTlv(out var tag);
        if (tag != expectedTag)
        {
            throw new SnmpDecodeException($"expected {what} (tag 0x{expectedTag:X2}), found tag 0x{tag:X2}", offset);
        }

        return contents;
    }

    /// <summary>Reads a constructed TLV with the given tag and returns a reader over its contents.</summary>
    public BerReader ReadConstructed(byte expectedTag, string what)
    {
        if (_depth + 1 > MaxDepth)
        {
            throw Error("nesting too deep");
        }

        var offset = _position;
        var tag = PeekTag();
        if (tag != expectedTag)
        {
            throw new SnmpDecodeException($"expected {what} (tag 0x{expectedTag:X2}), found tag 0x{tag:X2}", _baseOffset + offset);
        }

        _position++;
        var length = ReadLength();
        var contentsOffset = _position;
        var contents = _data.Slice(_position, length);
        _position += length;
        return new BerReader(contents, _baseOffset + contentsOffset, _depth + 1);
    }

    public int ReadInteger32(byte expectedTag = BerTag.Integer, string what = "INTEGER")
    {
        var offset = Offset;
        var contents = ReadTlv(expectedTag, what);
        return BerPrimitives.DecodeInteger32(contents, _baseOffset + offset);
    }

    /// <summary>Throws unless every byte was consumed (trailing garbage inside a structure).</summary>
    public readonly void ExpectEnd(string what)
    {
        if (_position != _data.Length)
        {
            throw Error($"{_data.Length - _position} unexpected byte(s) after {what}");
        }
    }

    private int ReadLength()
    {
        if (_position >= _data.Length)
        {
            throw Error("expected a length, found the end of the data");
        }

        int first = _data[_position++];
        int length;
        if (first < 0x80)
        {
            length = first;
        }
        else if (first == 0x80)
        {
            throw Error("indefinite length is not allowed in SNMP");
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4)
            {
                throw Error($"length of {count} bytes is too long");
            }

            if (_data.Length - _position < count)
            {
                throw Error("length truncated");
            }

            long value = 0;
            for (var i = 0; i < count; i++)
            {
                value = (value << 8) | _data[_position++];
            }

            if (value > int.MaxValue)
            {
                throw Error("length too large");
            }

            length = (int)value;
        }

        if (length > _data.Length - _position)
        {
            throw Error($"length {length} exceeds the {_data.Length - _position} byte(s) present");
        }

        return length;
    }

    private readonly SnmpDecodeException Error(string reason) => new(reason, Offset);
}

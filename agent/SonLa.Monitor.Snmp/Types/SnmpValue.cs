using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace SonLa.Monitor.Snmp.Types;

/// <summary>
/// An SMI value or varbind exception. Numbers live in one 64-bit field, bytes and OIDs in one
/// reference, so a value is small and copying it never allocates.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    // Bytes are kept as (array, offset, length): offset and length are packed in _number.
    private readonly object? _reference;
    private readonly ulong _number;
    private readonly SnmpType _type;

    private SnmpValue(SnmpType type, ulong number, object? reference)
    {
        _type = type;
        _number = number;
        _reference = reference;
    }

    /// <summary>The BER tag of the value. <c>default(SnmpValue)</c> is NULL.</summary>
    public SnmpType Type => _type == 0 ? SnmpType.Null : _type;

    public static SnmpValue Null => new(SnmpType.Null, 0, null);

    public static SnmpValue NoSuchObject => new(SnmpType.NoSuchObject, 0, null);

    public static SnmpValue NoSuchInstance => new(SnmpType.NoSuchInstance, 0, null);

    public static SnmpValue EndOfMibView => new(SnmpType.EndOfMibView, 0, null);

    /// <summary>noSuchObject, noSuchInstance or endOfMibView (RFC 3416 section 3).</summary>
    public bool IsException => Type is SnmpType.NoSuchObject or SnmpType.NoSuchInstance or SnmpType.EndOfMibView;

    public static SnmpValue Integer32(int value) => new(SnmpType.Integer32, unchecked((ulong)value), null);

    public static SnmpValue Counter32(uint value) => new(SnmpType.Counter32, value, null);

    public static SnmpValue Gauge32(uint value) => new(SnmpType.Gauge32, value, null);

    public static SnmpValue TimeTicks(uint value) => new(SnmpType.TimeTicks, value, null);

    public static SnmpValue Counter64(ulong value) => new(SnmpType.Counter64, value, null);

    public static SnmpValue OctetString(ReadOnlyMemory<byte> value) => Bytes(SnmpType.OctetString, value);

    public static SnmpValue OctetString(string utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return OwnedBytes(SnmpType.OctetString, Encoding.UTF8.GetBytes(utf8));
    }

    public static SnmpValue Opaque(ReadOnlyMemory<byte> value) => Bytes(SnmpType.Opaque, value);

    public static SnmpValue ObjectIdentifier(ObjectIdentifier value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(SnmpType.ObjectIdentifier, 0, value);
    }

    public static SnmpValue IpAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("SNMP IpAddress is IPv4 only.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return IpAddress(bytes);
    }

    public static SnmpValue IpAddress(ReadOnlySpan<byte> fourBytes)
    {
        if (fourBytes.Length != 4)
        {
            throw new ArgumentException("SNMP IpAddress is exactly 4 bytes.", nameof(fourBytes));
        }

        return new(SnmpType.IpAddress, BinaryPrimitives.ReadUInt32BigEndian(fourBytes), null);
    }

    /// <summary>Creates a value of any tag-table type from raw bytes / number (decoder and tests).</summary>
    internal static SnmpValue OwnedBytes(SnmpType type, byte[] bytes) =>
        new(type, (ulong)(uint)bytes.Length, bytes);

    internal static SnmpValue IpAddressRaw(uint address) => new(SnmpType.IpAddress, address, null);

    private static SnmpValue Bytes(SnmpType type, ReadOnlyMemory<byte> value)
    {
        if (MemoryMarshal.TryGetArray(value, out var segment) && segment.Array is not null)
        {
            return new(type, ((ulong)(uint)segment.Offset << 32) | (uint)segment.Count, segment.Array);
        }

        return OwnedBytes(type, value.ToArray());
    }

    public int AsInt32() => Type switch
    {
        SnmpType.Integer32 => unchecked((int)_number),
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks when _number <= int.MaxValue => (int)_number,
        SnmpType.Counter64 when _number <= int.MaxValue => (int)_number,
        _ => throw WrongType("a 32-bit signed integer"),
    };

    public uint AsUInt32() => Type switch
    {
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.IpAddress => (uint)_number,
        SnmpType.Integer32 when unchecked((int)_number) >= 0 => (uint)_number,
        SnmpType.Counter64 when _number <= uint.MaxValue => (uint)_number,
        _ => throw WrongType("a 32-bit unsigned integer"),
    };

    public ulong AsUInt64() => Type switch
    {
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64 => _number,
        SnmpType.Integer32 when unchecked((int)_number) >= 0 => (uint)_number,
        _ => throw WrongType("an unsigned integer"),
    };

    /// <summary>The bytes of an OctetString, Opaque or IpAddress value.</summary>
    public ReadOnlyMemory<byte> AsBytes()
    {
        if (Type == SnmpType.IpAddress)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)_number);
            return bytes;
        }

        if (Type is SnmpType.OctetString or SnmpType.Opaque)
        {
            var array = (byte[]?)_reference ?? [];
            return new ReadOnlyMemory<byte>(array, (int)(_number >> 32), (int)(uint)_number);
        }

        throw WrongType("bytes");
    }

    internal ReadOnlySpan<byte> BytesSpan => AsBytes().Span;

    public ObjectIdentifier AsObjectIdentifier() =>
        Type == SnmpType.ObjectIdentifier ? (ObjectIdentifier)_reference! : throw WrongType("an OBJECT IDENTIFIER");

    public IPAddress AsIPAddress() =>
        Type == SnmpType.IpAddress ? new IPAddress(AsBytes().Span) : throw WrongType("an IpAddress");

    /// <summary>
    /// The text of an OctetString when its bytes are valid UTF-8 without control characters other
    /// than tab, CR and LF (so "Xã Chiềng Cơi" is text, a MAC address is not).
    /// </summary>
    public bool TryGetText(out string text)
    {
        text = "";
        if (Type != SnmpType.OctetString)
        {
            return false;
        }

        var bytes = AsBytes().Span;
        if (!Utf8Text.IsPrintable(bytes))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(bytes);
        return true;
    }

    public bool Equals(SnmpValue other)
    {
        if (Type != other.Type)
        {
            return false;
        }

        return Type switch
        {
            SnmpType.OctetString or SnmpType.Opaque => AsBytes().Span.SequenceEqual(other.AsBytes().Span),
            SnmpType.ObjectIdentifier => AsObjectIdentifier().Equals(other.AsObjectIdentifier()),
            _ => _number == other._number,
        };
    }

    public override bool Equals(object? obj) => obj is SnmpValue other && Equals(other);

    public override int GetHashCode() => Type switch
    {
        SnmpType.OctetString or SnmpType.Opaque => HashBytes(AsBytes().Span),
        SnmpType.ObjectIdentifier => AsObjectIdentifier().GetHashCode(),
        _ => HashCode.Combine(Type, _number),
    };

    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);

    /// <summary>A short human form (not net-snmp's; see NetSnmpFormatter for that).</summary>
    public override string ToString() => Type switch
    {
        SnmpType.Integer32 => $"Integer32: {AsInt32().ToString(CultureInfo.InvariantCulture)}",
        SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64 =>
            $"{Type}: {_number.ToString(CultureInfo.InvariantCulture)}",
        SnmpType.OctetString => TryGetText(out var text) ? $"OctetString: \"{text}\"" : $"OctetString: 0x{Convert.ToHexString(AsBytes().Span)}",
        SnmpType.Opaque => $"Opaque: 0x{Convert.ToHexString(AsBytes().Span)}",
        SnmpType.ObjectIdentifier => $"ObjectIdentifier: .{AsObjectIdentifier()}",
        SnmpType.IpAddress => $"IpAddress: {AsIPAddress()}",
        _ => Type.ToString(),
    };

    private static int HashBytes(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private InvalidOperationException WrongType(string wanted) =>
        new($"The value is {Type}, not {wanted}.");
}

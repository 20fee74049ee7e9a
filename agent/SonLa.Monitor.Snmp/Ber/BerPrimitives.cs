namespace SonLa.Monitor.Snmp.Ber;

/// <summary>Decoding of primitive contents (X.690 8.3, 8.19) with the range checks SNMP needs.</summary>
internal static class BerPrimitives
{
    /// <summary>RFC 2578 section 3.5: at most 128 sub-identifiers.</summary>
    public const int MaxOidLength = 128;

    /// <summary>RFC 2578 section 7.1.2: OCTET STRING (SIZE (0..65535)); Opaque is an OCTET STRING too.</summary>
    public const int MaxOctetStringLength = 65_535;

    /// <summary>Copies the contents of an OCTET STRING-like value, refusing more than SMI allows.</summary>
    public static byte[] DecodeOctets(ReadOnlySpan<byte> c, int offset, string what)
    {
        if (c.Length > MaxOctetStringLength)
        {
            throw new SnmpDecodeException($"{what} of {c.Length} bytes (at most {MaxOctetStringLength})", offset);
        }

        return c.IsEmpty ? [] : c.ToArray();
    }

    public static int DecodeInteger32(ReadOnlySpan<byte> c, int offset)
    {
        if (c.IsEmpty)
        {
            throw new SnmpDecodeException("INTEGER with no contents", offset);
        }

        // Redundant sign bytes are tolerated (some agents pad), the value must still fit.
        while (c.Length > 1 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) || (c[0] == 0xFF && (c[1] & 0x80) != 0)))
        {
            c = c[1..];
        }

        if (c.Length > 4)
        {
            throw new SnmpDecodeException("INTEGER does not fit in 32 bits", offset);
        }

        var value = (c[0] & 0x80) != 0 ? -1 : 0;
        foreach (var b in c)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Unsigned32/Counter32/Gauge32/TimeTicks (bits 32) and Counter64 (bits 64).</summary>
    public static ulong DecodeUnsigned(ReadOnlySpan<byte> c, int offset, int bits)
    {
        if (c.IsEmpty)
        {
            throw new SnmpDecodeException("unsigned integer with no contents", offset);
        }

        // A set top bit without a leading zero is a sign bit: buggy agents send 2^32-1 as FF FF FF FF;
        // net-snmp keeps the low bits, and so do we, as long as the bytes fit the width.
        var negative = (c[0] & 0x80) != 0;
        var rest = c;
        while (rest.Length > 1 && rest[0] == 0)
        {
            rest = rest[1..];
        }

        if (rest.Length > 8 || (negative && c.Length > bits / 8))
        {
            throw new SnmpDecodeException($"unsigned integer does not fit in {bits} bits", offset);
        }

        var value = negative ? ulong.MaxValue : 0UL;
        foreach (var b in rest)
        {
            value = (value << 8) | b;
        }

        if (bits == 32)
        {
            if (negative)
            {
                value &= uint.MaxValue;
            }
            else if (value > uint.MaxValue)
            {
                throw new SnmpDecodeException("unsigned integer does not fit in 32 bits", offset);
            }
        }

        return value;
    }

    public static uint[] DecodeOid(ReadOnlySpan<byte> c, int offset)
    {
        if (c.IsEmpty)
        {
            throw new SnmpDecodeException("OBJECT IDENTIFIER with no contents", offset);
        }

        if ((c[^1] & 0x80) != 0)
        {
            throw new SnmpDecodeException("OBJECT IDENTIFIER ends inside a sub-identifier", offset);
        }

        var count = 1;
        foreach (var b in c)
        {
            if ((b & 0x80) == 0)
            {
                count++;
            }
        }

        if (count > MaxOidLength)
        {
            throw new SnmpDecodeException($"OBJECT IDENTIFIER has more than {MaxOidLength} sub-identifiers", offset);
        }

        var arcs = new uint[count];
        var index = 0;
        var i = 0;
        while (i < c.Length)
        {
            if (c[i] == 0x80)
            {
                throw new SnmpDecodeException("OBJECT IDENTIFIER sub-identifier has a redundant leading byte", offset);
            }

            ulong value = 0;
            var bytes = 0;
            byte b;
            do
            {
                b = c[i++];
                value = (value << 7) | (uint)(b & 0x7F);
                bytes++;
            }
            while ((b & 0x80) != 0);

            if (bytes > 5 || value > uint.MaxValue)
            {
                throw new SnmpDecodeException("OBJECT IDENTIFIER sub-identifier exceeds 4294967295", offset);
            }

            if (index == 0)
            {
                // X.690 8.19.4: the first sub-identifier packs the first two arcs.
                var first = value < 40 ? 0u : value < 80 ? 1u : 2u;
                arcs[0] = first;
                arcs[1] = (uint)(value - (first * 40));
                index = 2;
            }
            else
            {
                arcs[index++] = (uint)value;
            }
        }

        return arcs;
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Snmp.Formatting;

/// <summary>
/// net-snmp's Opaque-wrapped special types (draft-perkins-opaque: a 0x9F tag, then float 0x78,
/// double 0x79, counter64 0x76, int64 0x7A, uint64 0x7B, a length, the value), which its tools
/// decode and print instead of the hex of the Opaque.
/// </summary>
internal static class OpaqueSpecialTypes
{
    public static bool TryAppend(StringBuilder builder, ReadOnlySpan<byte> opaque)
    {
        if (opaque.Length < 3 || opaque[0] != 0x9F || opaque[2] >= 0x80 || opaque.Length != 3 + opaque[2])
        {
            return false;
        }

        var contents = opaque[3..];
        var invariant = CultureInfo.InvariantCulture;
        switch (opaque[1])
        {
            case 0x78 when contents.Length == 4:
                builder.Append("Opaque: Float: ").Append(CFixed(BinaryPrimitives.ReadSingleBigEndian(contents)));
                return true;
            case 0x79 when contents.Length == 8:
                // net-snmp labels doubles "Float" too.
                builder.Append("Opaque: Float: ").Append(CFixed(BinaryPrimitives.ReadDoubleBigEndian(contents)));
                return true;
            case 0x76 when TryUnsigned(contents, out var counter):
                builder.Append("Opaque: Counter64: ").Append(counter.ToString(invariant));
                return true;
            case 0x7B when TryUnsigned(contents, out var unsigned):
                builder.Append("Opaque: UInt64: ").Append(unsigned.ToString(invariant));
                return true;
            case 0x7A when contents.Length is >= 1 and <= 8:
                long signed = (contents[0] & 0x80) != 0 ? -1 : 0;
                foreach (var b in contents)
                {
                    signed = (signed << 8) | b;
                }

                builder.Append("Opaque: Int64: ").Append(signed.ToString(invariant));
                return true;
            default:
                return false;
        }
    }

    private static bool TryUnsigned(ReadOnlySpan<byte> contents, out ulong value)
    {
        value = 0;
        if (contents.Length == 9 && contents[0] == 0)
        {
            contents = contents[1..];
        }

        if (contents.IsEmpty || contents.Length > 8)
        {
            return false;
        }

        foreach (var b in contents)
        {
            value = (value << 8) | b;
        }

        return true;
    }

    /// <summary>C's printf("%f"): six decimals, "nan"/"inf" spelled as glibc does.</summary>
    private static string CFixed(double value) => value switch
    {
        double.NaN => double.IsNegative(value) ? "-nan" : "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("F6", CultureInfo.InvariantCulture),
    };
}

using System.Globalization;
using System.Text;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Formatting;

/// <summary>
/// Renders varbinds exactly as net-snmp 5.9's tools print them with <c>-On</c> and no MIBs loaded,
/// so our output can be compared line for line with snmpget/snmpbulkwalk (and operators read
/// what they are used to). A rendering may span several lines (long Hex-STRINGs, strings with
/// line feeds), as net-snmp's does.
/// </summary>
public static class NetSnmpFormatter
{
    private const int HexBytesPerLine = 16;

    /// <summary>".1.3.6.1.2.1.1.3.0 = Timeticks: (12345) 0:02:03.45".</summary>
    public static string Format(VarBind varBind)
    {
        var builder = new StringBuilder(64);
        builder.Append('.').Append(varBind.Oid.ToString()).Append(" = ");
        AppendValue(builder, varBind.Value);
        return builder.ToString();
    }

    /// <summary>The part after " = ".</summary>
    public static string FormatValue(SnmpValue value)
    {
        var builder = new StringBuilder(32);
        AppendValue(builder, value);
        return builder.ToString();
    }

    public static void AppendValue(StringBuilder builder, SnmpValue value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var invariant = CultureInfo.InvariantCulture;
        switch (value.Type)
        {
            case SnmpType.Integer32:
                builder.Append("INTEGER: ").Append(value.AsInt32().ToString(invariant));
                break;
            case SnmpType.OctetString:
                AppendOctetString(builder, value.AsBytes().Span);
                break;
            case SnmpType.Null:
                builder.Append("NULL");
                break;
            case SnmpType.ObjectIdentifier:
                builder.Append("OID: .").Append(value.AsObjectIdentifier().ToString());
                break;
            case SnmpType.IpAddress:
                builder.Append("IpAddress: ").Append(value.AsIPAddress().ToString());
                break;
            case SnmpType.Counter32:
                builder.Append("Counter32: ").Append(value.AsUInt32().ToString(invariant));
                break;
            case SnmpType.Gauge32:
                builder.Append("Gauge32: ").Append(value.AsUInt32().ToString(invariant));
                break;
            case SnmpType.TimeTicks:
                AppendTimeTicks(builder, value.AsUInt32());
                break;
            case SnmpType.Opaque:
                if (!OpaqueSpecialTypes.TryAppend(builder, value.AsBytes().Span))
                {
                    builder.Append("OPAQUE: ");
                    AppendHex(builder, value.AsBytes().Span);
                }

                break;
            case SnmpType.Counter64:
                builder.Append("Counter64: ").Append(value.AsUInt64().ToString(invariant));
                break;
            case SnmpType.NoSuchObject:
                builder.Append("No Such Object available on this agent at this OID");
                break;
            case SnmpType.NoSuchInstance:
                builder.Append("No Such Instance currently exists at this OID");
                break;
            case SnmpType.EndOfMibView:
                builder.Append("No more variables left in this MIB View (It is past the end of the MIB tree)");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.Type, "Unknown SNMP type.");
        }
    }

    /// <summary>net-snmp's uptime form: "0:02:03.45", "1 day, 0:00:00.00", "497 days, 2:27:52.95".</summary>
    public static void AppendTimeTicks(StringBuilder builder, uint ticks)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var centiseconds = ticks % 100;
        var seconds = ticks / 100;
        var days = seconds / 86400;
        var hours = seconds / 3600 % 24;
        var minutes = seconds / 60 % 60;
        seconds %= 60;
        var invariant = CultureInfo.InvariantCulture;
        builder.Append("Timeticks: (").Append(ticks.ToString(invariant)).Append(") ");
        if (days == 1)
        {
            builder.Append("1 day, ");
        }
        else if (days > 1)
        {
            builder.Append(days.ToString(invariant)).Append(" days, ");
        }

        builder.Append(invariant, $"{hours}:{minutes:00}:{seconds:00}.{centiseconds:00}");
    }

    /// <summary>
    /// net-snmp's guess without a DISPLAY-HINT: text when every byte is printable ASCII or ASCII
    /// white space (so UTF-8 diacritics and any NUL make it hex), an empty string as "".
    /// </summary>
    private static void AppendOctetString(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            builder.Append("\"\"");
            return;
        }

        foreach (var b in bytes)
        {
            if (!IsPrintOrSpace(b))
            {
                builder.Append("Hex-STRING: ");
                AppendHex(builder, bytes);
                return;
            }
        }

        builder.Append("STRING: \"");
        foreach (var b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                builder.Append('\\');
            }

            builder.Append((char)b);
        }

        builder.Append('"');
    }

    /// <summary>"52 54 00 " — upper-case pairs each followed by a space, a line break after every 16.</summary>
    private static void AppendHex(StringBuilder builder, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && i % HexBytesPerLine == 0)
            {
                builder.Append('\n');
            }

            builder.Append(HexDigit(bytes[i] >> 4)).Append(HexDigit(bytes[i] & 0xF)).Append(' ');
        }
    }

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    /// <summary>C isprint() || isspace() in the "C" locale.</summary>
    private static bool IsPrintOrSpace(byte b) => b is >= 0x20 and <= 0x7E or >= 0x09 and <= 0x0D;
}

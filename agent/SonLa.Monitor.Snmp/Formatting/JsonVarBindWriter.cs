using System.Text.Json;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Formatting;

/// <summary>
/// The <c>--json</c> form of a varbind: <c>{"oid":"1.3.6.1.2.1.1.3.0","type":"TimeTicks","value":12345}</c>.
/// Numbers are JSON numbers (Counter64 exact); OctetString and Opaque carry "hex" always and
/// OctetString "value" only when the bytes are printable UTF-8; exceptions carry no value.
/// </summary>
public static class JsonVarBindWriter
{
    public static void Write(Utf8JsonWriter writer, VarBind varBind)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("oid"u8, varBind.Oid.ToString());
        writer.WriteString("type"u8, TypeName(varBind.Value.Type));
        var value = varBind.Value;
        switch (value.Type)
        {
            case SnmpType.Integer32:
                writer.WriteNumber("value"u8, value.AsInt32());
                break;
            case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64:
                writer.WriteNumber("value"u8, value.AsUInt64());
                break;
            case SnmpType.OctetString:
                writer.WriteString("hex"u8, Convert.ToHexStringLower(value.AsBytes().Span));
                if (value.TryGetText(out var text))
                {
                    writer.WriteString("value"u8, text);
                }

                break;
            case SnmpType.Opaque:
                writer.WriteString("hex"u8, Convert.ToHexStringLower(value.AsBytes().Span));
                break;
            case SnmpType.ObjectIdentifier:
                writer.WriteString("value"u8, value.AsObjectIdentifier().ToString());
                break;
            case SnmpType.IpAddress:
                writer.WriteString("value"u8, value.AsIPAddress().ToString());
                break;
            case SnmpType.Null:
                writer.WriteNull("value"u8);
                break;
            default:
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>One JSON object (no trailing newline).</summary>
    public static string ToJson(VarBind varBind)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, varBind);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Type names of the product contract; the exceptions are named as in RFC 3416.</summary>
    public static string TypeName(SnmpType type) => type switch
    {
        SnmpType.Integer32 => "Integer32",
        SnmpType.OctetString => "OctetString",
        SnmpType.Null => "Null",
        SnmpType.ObjectIdentifier => "ObjectIdentifier",
        SnmpType.IpAddress => "IpAddress",
        SnmpType.Counter32 => "Counter32",
        SnmpType.Gauge32 => "Gauge32",
        SnmpType.TimeTicks => "TimeTicks",
        SnmpType.Opaque => "Opaque",
        SnmpType.Counter64 => "Counter64",
        SnmpType.NoSuchObject => "NoSuchObject",
        SnmpType.NoSuchInstance => "NoSuchInstance",
        SnmpType.EndOfMibView => "EndOfMibView",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown SNMP type."),
    };
}

using System.Buffers.Binary;
using SonLa.Monitor.Snmp.Ber;

namespace SonLa.Monitor.Snmp.Types;

/// <summary>BER encoding of <see cref="SnmpValue"/> and <see cref="VarBind"/>.</summary>
public static class SnmpValueCodec
{
    /// <summary>
    /// Varbinds in one list. The fullest real answer is a GETBULK filling a 64 KB datagram
    /// (~2,000 short varbinds); anything beyond this is garbage sized to make us allocate.
    /// </summary>
    public const int MaxVarBinds = 4096;

    public static void Write(BerWriter writer, SnmpValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var tag = (byte)value.Type;
        switch (value.Type)
        {
            case SnmpType.Integer32:
                writer.WriteInteger(value.AsInt32(), tag);
                break;
            case SnmpType.Counter32 or SnmpType.Gauge32 or SnmpType.TimeTicks or SnmpType.Counter64:
                writer.WriteUnsigned(value.AsUInt64(), tag);
                break;
            case SnmpType.OctetString or SnmpType.Opaque:
                writer.WriteOctetString(value.AsBytes().Span, tag);
                break;
            case SnmpType.IpAddress:
                writer.WriteIpAddress(value.AsUInt32());
                break;
            case SnmpType.ObjectIdentifier:
                writer.WriteObjectIdentifier(value.AsObjectIdentifier());
                break;
            default:
                writer.WriteNull(tag);
                break;
        }
    }

    /// <summary>Writes SEQUENCE { name, value }.</summary>
    public static void Write(BerWriter writer, VarBind varBind)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var mark = writer.Mark();
        Write(writer, varBind.Value);
        writer.WriteObjectIdentifier(varBind.Oid);
        writer.EndConstructed(BerTag.Sequence, mark);
    }

    /// <summary>Writes a VarBindList (SEQUENCE OF VarBind).</summary>
    public static void WriteList(BerWriter writer, IReadOnlyList<VarBind> varBinds)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(varBinds);
        var mark = writer.Mark();
        for (var i = varBinds.Count - 1; i >= 0; i--)
        {
            Write(writer, varBinds[i]);
        }

        writer.EndConstructed(BerTag.Sequence, mark);
    }

    /// <summary>Reads a VarBindList.</summary>
    public static VarBind[] ReadList(ref BerReader reader)
    {
        var list = reader.ReadConstructed(BerTag.Sequence, "VarBindList");

        // Counting first (headers only) sizes the array exactly: no list growth, no copy.
        var counter = list;
        var count = 0;
        while (counter.HasData)
        {
            var offset = counter.Offset;
            counter.ReadTlv(out _);
            if (++count > MaxVarBinds)
            {
                throw new SnmpDecodeException($"VarBindList of more than {MaxVarBinds} varbinds", offset);
            }
        }

        var result = count == 0 ? [] : new VarBind[count];
        var index = 0;
        while (list.HasData)
        {
            var varBind = list.ReadConstructed(BerTag.Sequence, "VarBind");
            var oidOffset = varBind.Offset;
            var oid = ObjectIdentifier.FromOwnedArray(
                BerPrimitives.DecodeOid(varBind.ReadTlv(BerTag.ObjectIdentifier, "VarBind name"), oidOffset));
            var valueOffset = varBind.Offset;
            var contents = varBind.ReadTlv(out var tag);
            var value = ReadValue(tag, contents, valueOffset);
            varBind.ExpectEnd("VarBind");
            result[index++] = new VarBind(oid, value);
        }

        return result;
    }

    /// <summary>Decodes the contents of one value TLV.</summary>
    public static SnmpValue ReadValue(byte tag, ReadOnlySpan<byte> contents, int offset)
    {
        switch ((SnmpType)tag)
        {
            case SnmpType.Integer32:
                return SnmpValue.Integer32(BerPrimitives.DecodeInteger32(contents, offset));
            case SnmpType.OctetString:
                return SnmpValue.OwnedBytes(SnmpType.OctetString, BerPrimitives.DecodeOctets(contents, offset, "OCTET STRING"));
            case SnmpType.Opaque:
                return SnmpValue.OwnedBytes(SnmpType.Opaque, BerPrimitives.DecodeOctets(contents, offset, "Opaque"));
            case SnmpType.Null:
                return SnmpValue.Null;
            case SnmpType.ObjectIdentifier:
                return SnmpValue.ObjectIdentifier(ObjectIdentifier.FromOwnedArray(BerPrimitives.DecodeOid(contents, offset)));
            case SnmpType.IpAddress:
                return contents.Length == 4
                    ? SnmpValue.IpAddressRaw(BinaryPrimitives.ReadUInt32BigEndian(contents))
                    : throw new SnmpDecodeException($"IpAddress of {contents.Length} bytes instead of 4", offset);
            case SnmpType.Counter32:
                return SnmpValue.Counter32((uint)BerPrimitives.DecodeUnsigned(contents, offset, 32));
            case SnmpType.Gauge32:
                return SnmpValue.Gauge32((uint)BerPrimitives.DecodeUnsigned(contents, offset, 32));
            case SnmpType.TimeTicks:
                return SnmpValue.TimeTicks((uint)BerPrimitives.DecodeUnsigned(contents, offset, 32));
            case SnmpType.Counter64:
                return SnmpValue.Counter64(BerPrimitives.DecodeUnsigned(contents, offset, 64));
            case SnmpType.NoSuchObject:
                return SnmpValue.NoSuchObject;
            case SnmpType.NoSuchInstance:
                return SnmpValue.NoSuchInstance;
            case SnmpType.EndOfMibView:
                return SnmpValue.EndOfMibView;
            default:
                throw new SnmpDecodeException($"unknown value type 0x{tag:X2}", offset);
        }
    }
}

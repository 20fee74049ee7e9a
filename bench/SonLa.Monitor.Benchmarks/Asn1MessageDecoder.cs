using System.Formats.Asn1;
using System.Runtime.InteropServices;
using SonLa.Monitor.Snmp.Pdus;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// The same v2c message decoded with the BCL's System.Formats.Asn1 (the span-based static
/// AsnDecoder, its fastest API), for the codec decision in docs/snmp-engine.md.
/// </summary>
internal static class Asn1MessageDecoder
{
    private const AsnEncodingRules Rules = AsnEncodingRules.BER;
    private static readonly Asn1Tag IpAddressTag = new(TagClass.Application, 0);
    private static readonly Asn1Tag Counter32Tag = new(TagClass.Application, 1);
    private static readonly Asn1Tag Gauge32Tag = new(TagClass.Application, 2);
    private static readonly Asn1Tag TimeTicksTag = new(TagClass.Application, 3);
    private static readonly Asn1Tag Counter64Tag = new(TagClass.Application, 6);

    /// <param name="bclOids">true: OIDs through AsnDecoder.ReadObjectIdentifier (a string, then parsed).</param>
    public static List<VarBind> Decode(ReadOnlySpan<byte> datagram, bool bclOids)
    {
        AsnDecoder.ReadSequence(datagram, Rules, out var offset, out var length, out _);
        var message = datagram.Slice(offset, length);
        AsnDecoder.TryReadInt32(message, Rules, out _, out var consumed);
        message = message[consumed..];
        AsnDecoder.ReadOctetString(message, Rules, out consumed);
        message = message[consumed..];
        var pduTag = new Asn1Tag(TagClass.ContextSpecific, (int)PduType.Response & 0x1F, isConstructed: true);
        AsnDecoder.ReadSequence(message, Rules, out offset, out length, out _, pduTag);
        var pdu = message.Slice(offset, length);
        for (var i = 0; i < 3; i++)
        {
            AsnDecoder.TryReadInt32(pdu, Rules, out _, out consumed);
            pdu = pdu[consumed..];
        }

        AsnDecoder.ReadSequence(pdu, Rules, out offset, out length, out _);
        var list = pdu.Slice(offset, length);
        var result = new List<VarBind>();
        while (!list.IsEmpty)
        {
            AsnDecoder.ReadSequence(list, Rules, out offset, out length, out consumed);
            var varBind = list.Slice(offset, length);
            list = list[consumed..];
            var oid = ReadOid(ref varBind, bclOids);
            result.Add(new VarBind(oid, ReadValue(varBind, bclOids)));
        }

        return result;
    }

    private static ObjectIdentifier ReadOid(ref ReadOnlySpan<byte> span, bool bclOids)
    {
        int consumed;
        ObjectIdentifier oid;
        if (bclOids)
        {
            oid = ObjectIdentifier.Parse(AsnDecoder.ReadObjectIdentifier(span, Rules, out consumed));
        }
        else
        {
            AsnDecoder.ReadEncodedValue(span, Rules, out var offset, out var length, out consumed);
            oid = OidFromContents(span.Slice(offset, length));
        }

        span = span[consumed..];
        return oid;
    }

    private static SnmpValue ReadValue(ReadOnlySpan<byte> span, bool bclOids)
    {
        var tag = Asn1Tag.Decode(span, out _);
        int consumed;
        if (tag.HasSameClassAndValue(Asn1Tag.Integer))
        {
            AsnDecoder.TryReadInt32(span, Rules, out var value, out _);
            return SnmpValue.Integer32(value);
        }

        if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString))
        {
            return SnmpValue.OctetString(AsnDecoder.ReadOctetString(span, Rules, out _));
        }

        if (tag.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
        {
            var inner = span;
            return SnmpValue.ObjectIdentifier(ReadOid(ref inner, bclOids));
        }

        if (tag.HasSameClassAndValue(Counter32Tag) || tag.HasSameClassAndValue(Gauge32Tag) || tag.HasSameClassAndValue(TimeTicksTag))
        {
            AsnDecoder.TryReadUInt32(span, Rules, out var value, out _, tag);
            return tag.TagValue switch
            {
                1 => SnmpValue.Counter32(value),
                2 => SnmpValue.Gauge32(value),
                _ => SnmpValue.TimeTicks(value),
            };
        }

        if (tag.HasSameClassAndValue(Counter64Tag))
        {
            AsnDecoder.TryReadUInt64(span, Rules, out var value, out _, tag);
            return SnmpValue.Counter64(value);
        }

        if (tag.HasSameClassAndValue(IpAddressTag))
        {
            return SnmpValue.IpAddress(AsnDecoder.ReadOctetString(span, Rules, out _, IpAddressTag));
        }

        AsnDecoder.ReadEncodedValue(span, Rules, out _, out _, out consumed);
        return SnmpValue.Null;
    }

    private static ObjectIdentifier OidFromContents(ReadOnlySpan<byte> contents)
    {
        var arcs = new List<uint>(16);
        ulong value = 0;
        foreach (var b in contents)
        {
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                if (arcs.Count == 0)
                {
                    var first = value < 40 ? 0u : value < 80 ? 1u : 2u;
                    arcs.Add(first);
                    arcs.Add((uint)(value - (first * 40)));
                }
                else
                {
                    arcs.Add((uint)value);
                }

                value = 0;
            }
        }

        return new ObjectIdentifier(CollectionsMarshal.AsSpan(arcs));
    }
}

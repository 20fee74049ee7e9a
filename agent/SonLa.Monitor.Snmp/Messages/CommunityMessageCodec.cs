using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Messages;

/// <summary>Encodes and decodes v1/v2c messages: SEQUENCE { version, community, PDU }.</summary>
public static class CommunityMessageCodec
{
    public static byte[] Encode(CommunityMessage message, BerWriter? writer = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        writer ??= new BerWriter();
        writer.Reset();
        var mark = writer.Mark();
        if (message.Pdu is not null)
        {
            if (message.Version == SnmpVersion.V1 && message.Pdu.Type is PduType.GetBulkRequest or PduType.InformRequest or PduType.SNMPv2Trap or PduType.Report)
            {
                throw new ArgumentException($"{message.Pdu.Type} does not exist in SNMPv1.", nameof(message));
            }

            PduCodec.Write(writer, message.Pdu);
        }
        else
        {
            PduCodec.Write(writer, message.TrapV1!);
        }

        writer.WriteOctetString(message.Community.Span);
        writer.WriteInteger((int)message.Version);
        writer.EndConstructed(BerTag.Sequence, mark);
        return writer.ToArray();
    }

    /// <summary>
    /// Reads the msgVersion of any SNMP message (v1, v2c or v3) so a receiver can dispatch it.
    /// </summary>
    public static SnmpVersion PeekVersion(ReadOnlySpan<byte> datagram)
    {
        var reader = new BerReader(datagram);
        var message = reader.ReadConstructed(BerTag.Sequence, "SNMP message");
        var offset = message.Offset;
        var version = message.ReadInteger32(what: "msgVersion");
        return version switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            3 => SnmpVersion.V3,
            _ => throw new SnmpDecodeException($"unknown SNMP version {version}", offset),
        };
    }

    /// <summary>Decodes a v1/v2c message; throws only <see cref="SnmpDecodeException"/>.</summary>
    public static CommunityMessage Decode(ReadOnlySpan<byte> datagram)
    {
        var reader = new BerReader(datagram);
        var message = reader.ReadConstructed(BerTag.Sequence, "SNMP message");
        reader.ExpectEnd("SNMP message");
        var offset = message.Offset;
        var version = message.ReadInteger32(what: "msgVersion") switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            3 => throw new SnmpDecodeException("an SNMPv3 message is not a community message", offset),
            var other => throw new SnmpDecodeException($"unknown SNMP version {other}", offset),
        };
        offset = message.Offset;
        var community = BerPrimitives.DecodeOctets(message.ReadTlv(BerTag.OctetString, "community"), offset, "community");
        var pduOffset = message.Offset;
        var type = PduCodec.PeekType(message);
        CommunityMessage result;
        if (type == PduType.TrapV1)
        {
            if (version != SnmpVersion.V1)
            {
                throw new SnmpDecodeException("SNMPv1 Trap-PDU in an SNMPv2c message", pduOffset);
            }

            result = new CommunityMessage(community, PduCodec.ReadTrapV1(ref message));
        }
        else if (version == SnmpVersion.V1 && type is PduType.GetBulkRequest or PduType.InformRequest or PduType.SNMPv2Trap or PduType.Report)
        {
            // RFC 1157 has no such PDU: a v1 parser fails on the tag (RFC 3584 2.1), and so do we, so a
            // spoofed "v1 inform" or "v1 SNMPv2-Trap" is not taken for a notification.
            throw new SnmpDecodeException($"{type} in an SNMPv1 message", pduOffset);
        }
        else
        {
            result = new CommunityMessage(version, community, PduCodec.Read(ref message));
        }

        message.ExpectEnd("SNMP message");
        return result;
    }
}

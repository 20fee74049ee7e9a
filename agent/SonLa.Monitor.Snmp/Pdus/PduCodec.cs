using System.Buffers.Binary;
using System.Net;
using SonLa.Monitor.Snmp.Ber;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Pdus;

/// <summary>
/// BER encoding of PDUs, independent of the message wrapping around them (community for v1/v2c,
/// ScopedPdu under USM for v3).
/// </summary>
public static class PduCodec
{
    public static void Write(BerWriter writer, Pdu pdu)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pdu);
        var mark = writer.Mark();
        SnmpValueCodec.WriteList(writer, pdu.VarBinds);
        if (pdu.Type == PduType.GetBulkRequest)
        {
            writer.WriteInteger(pdu.MaxRepetitions);
            writer.WriteInteger(pdu.NonRepeaters);
        }
        else
        {
            writer.WriteInteger(pdu.ErrorIndex);
            writer.WriteInteger((int)pdu.ErrorStatus);
        }

        writer.WriteInteger(pdu.RequestId);
        writer.EndConstructed((byte)pdu.Type, mark);
    }

    public static void Write(BerWriter writer, TrapV1Pdu trap)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trap);
        var mark = writer.Mark();
        SnmpValueCodec.WriteList(writer, trap.VarBinds);
        writer.WriteUnsigned(trap.TimeStamp, (byte)SnmpType.TimeTicks);
        writer.WriteInteger(trap.SpecificTrap);
        writer.WriteInteger(trap.GenericTrap);
        Span<byte> address = stackalloc byte[4];
        trap.AgentAddress.MapToIPv4().TryWriteBytes(address, out _);
        writer.WriteIpAddress(BinaryPrimitives.ReadUInt32BigEndian(address));
        writer.WriteObjectIdentifier(trap.Enterprise);
        writer.EndConstructed((byte)PduType.TrapV1, mark);
    }

    /// <summary>Peeks the PDU tag at the reader's position.</summary>
    public static PduType PeekType(in BerReader reader)
    {
        var tag = reader.PeekTag();
        return tag is >= 0xA0 and <= 0xA8
            ? (PduType)tag
            : throw new SnmpDecodeException($"expected a PDU (tag 0xA0..0xA8), found tag 0x{tag:X2}", reader.Offset);
    }

    /// <summary>Reads any PDU but the SNMPv1 Trap-PDU.</summary>
    public static Pdu Read(ref BerReader reader)
    {
        var type = PeekType(reader);
        if (type == PduType.TrapV1)
        {
            throw new SnmpDecodeException("unexpected SNMPv1 Trap-PDU", reader.Offset);
        }

        var pdu = reader.ReadConstructed((byte)type, "PDU");
        var requestId = pdu.ReadInteger32(what: "request-id");
        var second = pdu.ReadInteger32(what: "error-status");
        var third = pdu.ReadInteger32(what: "error-index");
        var varBinds = SnmpValueCodec.ReadList(ref pdu);
        pdu.ExpectEnd("PDU");
        return type == PduType.GetBulkRequest
            ? new Pdu(type, requestId, varBinds) { NonRepeaters = second, MaxRepetitions = third }
            : new Pdu(type, requestId, varBinds) { ErrorStatus = (ErrorStatus)second, ErrorIndex = third };
    }

    public static TrapV1Pdu ReadTrapV1(ref BerReader reader)
    {
        var trap = reader.ReadConstructed((byte)PduType.TrapV1, "Trap-PDU");
        var offset = trap.Offset;
        var enterprise = ObjectIdentifier.FromOwnedArray(
            BerPrimitives.DecodeOid(trap.ReadTlv(BerTag.ObjectIdentifier, "enterprise"), offset));
        offset = trap.Offset;
        var address = trap.ReadTlv((byte)SnmpType.IpAddress, "agent-addr");
        if (address.Length != 4)
        {
            throw new SnmpDecodeException($"agent-addr of {address.Length} bytes instead of 4", offset);
        }

        var agentAddress = new IPAddress(address);
        var generic = trap.ReadInteger32(what: "generic-trap");
        var specific = trap.ReadInteger32(what: "specific-trap");
        offset = trap.Offset;
        var timeStamp = (uint)BerPrimitives.DecodeUnsigned(trap.ReadTlv((byte)SnmpType.TimeTicks, "time-stamp"), offset, 32);
        var varBinds = SnmpValueCodec.ReadList(ref trap);
        trap.ExpectEnd("Trap-PDU");
        return new TrapV1Pdu(enterprise, agentAddress, generic, specific, timeStamp, varBinds);
    }
}

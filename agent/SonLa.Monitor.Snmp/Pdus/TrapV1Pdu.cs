using System.Net;
using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Pdus;

/// <summary>An SNMPv1 Trap-PDU (RFC 1157 section 4.1.6).</summary>
public sealed record TrapV1Pdu(
    ObjectIdentifier Enterprise,
    IPAddress AgentAddress,
    int GenericTrap,
    int SpecificTrap,
    uint TimeStamp,
    IReadOnlyList<VarBind> VarBinds);

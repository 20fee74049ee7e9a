using SonLa.Monitor.Snmp.Pdus;

namespace SonLa.Monitor.Snmp.Messages;

/// <summary>ScopedPDU (RFC 3412): SEQUENCE { contextEngineID, contextName, PDU }.</summary>
public sealed record ScopedPdu(ReadOnlyMemory<byte> ContextEngineId, ReadOnlyMemory<byte> ContextName, Pdu Pdu);

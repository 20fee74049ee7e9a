namespace SonLa.Monitor.Snmp.Pdus;

/// <summary>PDU tags (RFC 1157, RFC 3416).</summary>
public enum PduType : byte
{
    GetRequest = 0xA0,
    GetNextRequest = 0xA1,
    Response = 0xA2,
    SetRequest = 0xA3,
    TrapV1 = 0xA4,
    GetBulkRequest = 0xA5,
    InformRequest = 0xA6,
    SNMPv2Trap = 0xA7,
    Report = 0xA8,
}

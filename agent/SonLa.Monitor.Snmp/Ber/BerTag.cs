namespace SonLa.Monitor.Snmp.Ber;

/// <summary>Universal tags SNMP uses besides the SMI application tags of <c>SnmpType</c>.</summary>
public static class BerTag
{
    public const byte Integer = 0x02;
    public const byte OctetString = 0x04;
    public const byte Null = 0x05;
    public const byte ObjectIdentifier = 0x06;
    public const byte Sequence = 0x30;
}

namespace SonLa.Monitor.Snmp.Messages;

/// <summary>msgFlags of an SNMPv3 message (RFC 3412 6.4).</summary>
[Flags]
public enum MessageFlags : byte
{
    None = 0,
    Auth = 1,
    Priv = 2,
    Reportable = 4,
}

namespace SonLa.Monitor.Snmp.Security;

/// <summary>SNMPv3 securityLevel (RFC 3411), as net-snmp's -l spells them.</summary>
public enum SecurityLevel
{
    NoAuthNoPriv,
    AuthNoPriv,
    AuthPriv,
}

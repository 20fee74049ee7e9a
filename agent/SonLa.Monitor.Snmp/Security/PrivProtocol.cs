namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// USM privacy protocols: DES-CBC (RFC 3414), AES-CFB128 (RFC 3826), and AES-192/256 with the key
/// extension of draft-blumenthal-aes-usm-04 (net-snmp's "AES-192"/"AES-256") or of
/// draft-reeder-snmpv3-usm-3desede (net-snmp's "AES-192-C"/"AES-256-C", as Cisco does it).
/// </summary>
public enum PrivProtocol
{
    None,
    Des,
    Aes128,
    Aes192,
    Aes256,
    Aes192Cisco,
    Aes256Cisco,
}

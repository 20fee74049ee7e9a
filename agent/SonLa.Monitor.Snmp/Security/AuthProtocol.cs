namespace SonLa.Monitor.Snmp.Security;

/// <summary>USM authentication protocols (RFC 3414 HMAC-MD5-96 / HMAC-SHA-96, RFC 7860 HMAC-SHA-2).</summary>
public enum AuthProtocol
{
    None,
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

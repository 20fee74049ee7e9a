namespace SonLa.Monitor.Snmp.Security;

/// <summary>The protocol and level names of net-snmp's -a, -x and -l flags (case-insensitive).</summary>
public static class UsmProtocolNames
{
    public static bool TryParseAuth(string? name, out AuthProtocol protocol)
    {
        protocol = name?.Trim().ToUpperInvariant() switch
        {
            "MD5" => AuthProtocol.Md5,
            "SHA" or "SHA1" or "SHA-1" => AuthProtocol.Sha1,
            "SHA-224" or "SHA224" => AuthProtocol.Sha224,
            "SHA-256" or "SHA256" => AuthProtocol.Sha256,
            "SHA-384" or "SHA384" => AuthProtocol.Sha384,
            "SHA-512" or "SHA512" => AuthProtocol.Sha512,
            _ => (AuthProtocol)(-1),
        };
        return protocol != (AuthProtocol)(-1);
    }

    public static bool TryParsePriv(string? name, out PrivProtocol protocol)
    {
        protocol = name?.Trim().ToUpperInvariant() switch
        {
            "DES" => PrivProtocol.Des,
            "AES" or "AES128" or "AES-128" => PrivProtocol.Aes128,
            "AES192" or "AES-192" => PrivProtocol.Aes192,
            "AES256" or "AES-256" => PrivProtocol.Aes256,
            "AES192C" or "AES-192-C" => PrivProtocol.Aes192Cisco,
            "AES256C" or "AES-256-C" => PrivProtocol.Aes256Cisco,
            _ => (PrivProtocol)(-1),
        };
        return protocol != (PrivProtocol)(-1);
    }

    public static bool TryParseLevel(string? name, out SecurityLevel level)
    {
        level = name?.Trim().ToUpperInvariant() switch
        {
            "NOAUTHNOPRIV" or "NOAUTH" or "1" => SecurityLevel.NoAuthNoPriv,
            "AUTHNOPRIV" or "AUTH" or "2" => SecurityLevel.AuthNoPriv,
            "AUTHPRIV" or "PRIV" or "3" => SecurityLevel.AuthPriv,
            _ => (SecurityLevel)(-1),
        };
        return level != (SecurityLevel)(-1);
    }

    public static AuthProtocol ParseAuth(string name) =>
        TryParseAuth(name, out var p) ? p : throw new FormatException($"Unknown authentication protocol '{name}' (MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512).");

    public static PrivProtocol ParsePriv(string name) =>
        TryParsePriv(name, out var p) ? p : throw new FormatException($"Unknown privacy protocol '{name}' (DES, AES, AES-192, AES-256, AES-192-C or AES-256-C).");

    public static SecurityLevel ParseLevel(string name) =>
        TryParseLevel(name, out var l) ? l : throw new FormatException($"Unknown security level '{name}' (noAuthNoPriv, authNoPriv or authPriv).");

    public static string Name(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.None => "none",
        AuthProtocol.Md5 => "MD5",
        AuthProtocol.Sha1 => "SHA",
        AuthProtocol.Sha224 => "SHA-224",
        AuthProtocol.Sha256 => "SHA-256",
        AuthProtocol.Sha384 => "SHA-384",
        AuthProtocol.Sha512 => "SHA-512",
        _ => protocol.ToString(),
    };

    public static string Name(PrivProtocol protocol) => protocol switch
    {
        PrivProtocol.None => "none",
        PrivProtocol.Des => "DES",
        PrivProtocol.Aes128 => "AES",
        PrivProtocol.Aes192 => "AES-192",
        PrivProtocol.Aes256 => "AES-256",
        PrivProtocol.Aes192Cisco => "AES-192-C",
        PrivProtocol.Aes256Cisco => "AES-256-C",
        _ => protocol.ToString(),
    };

    public static string Name(SecurityLevel level) => level switch
    {
        SecurityLevel.NoAuthNoPriv => "noAuthNoPriv",
        SecurityLevel.AuthNoPriv => "authNoPriv",
        SecurityLevel.AuthPriv => "authPriv",
        _ => level.ToString(),
    };
}

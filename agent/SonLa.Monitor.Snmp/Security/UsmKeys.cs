using System.Buffers;
using System.Text;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// Key derivation of RFC 3414 A.2 (password to key: 1,048,576 octets of the repeated passphrase
/// hashed; localisation: H(Ku || engineID || Ku)), used by RFC 7860 for SHA-2 too, and the two
/// extensions that lengthen a localized key for AES-192/256 when the hash is shorter than the key.
/// </summary>
public static class UsmKeys
{
    private const int ExpandedLength = 1_048_576;

    /// <summary>Ku: the user's key before localisation.</summary>
    public static byte[] PasswordToKey(AuthProtocol protocol, ReadOnlySpan<byte> passphrase)
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ExpandedLength);
        try
        {
            var expanded = buffer.AsSpan(0, ExpandedLength);
            var filled = Math.Min(passphrase.Length, ExpandedLength);
            passphrase[..filled].CopyTo(expanded);
            // Doubling copies: the buffer is the passphrase repeated, cut at exactly 1 MB.
            while (filled < ExpandedLength)
            {
                var count = Math.Min(filled, ExpandedLength - filled);
                expanded[..count].CopyTo(expanded[filled..]);
                filled += count;
            }

            return UsmAuthentication.Hash(protocol, expanded);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    public static byte[] PasswordToKey(AuthProtocol protocol, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return PasswordToKey(protocol, Encoding.UTF8.GetBytes(passphrase));
    }

    /// <summary>Kul = H(Ku || engineID || Ku).</summary>
    public static byte[] Localize(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> engineId)
    {
        var data = new byte[(key.Length * 2) + engineId.Length];
        key.CopyTo(data);
        engineId.CopyTo(data.AsSpan(key.Length));
        key.CopyTo(data.AsSpan(key.Length + engineId.Length));
        return UsmAuthentication.Hash(protocol, data);
    }

    /// <summary>
    /// draft-blumenthal-aes-usm-04 3.1.2.1: while too short, Kul = Kul || H(Kul) (the hash of
    /// everything so far), then cut to <paramref name="length"/>.
    /// </summary>
    public static byte[] ExtendBlumenthal(AuthProtocol protocol, ReadOnlySpan<byte> localizedKey, int length)
    {
        var key = localizedKey.ToArray();
        while (key.Length < length)
        {
            key = [.. key, .. UsmAuthentication.Hash(protocol, key)];
        }

        return key[..length];
    }

    /// <summary>
    /// draft-reeder-snmpv3-usm-3desede 2.1 (Cisco's AES-192/256): while too short, treat the key so
    /// far as a passphrase, derive and localize a key from it and append that, then cut.
    /// </summary>
    public static byte[] ExtendReeder(AuthProtocol protocol, ReadOnlySpan<byte> localizedKey, ReadOnlySpan<byte> engineId, int length)
    {
        var key = localizedKey.ToArray();
        while (key.Length < length)
        {
            var next = Localize(protocol, PasswordToKey(protocol, key), engineId);
            key = [.. key, .. next];
        }

        return key[..length];
    }

    /// <summary>Octets of key material a privacy protocol consumes (DES: key + pre-IV).</summary>
    public static int PrivKeyLength(PrivProtocol protocol) => protocol switch
    {
        PrivProtocol.Des => 16,
        PrivProtocol.Aes128 => 16,
        PrivProtocol.Aes192 or PrivProtocol.Aes192Cisco => 24,
        PrivProtocol.Aes256 or PrivProtocol.Aes256Cisco => 32,
        _ => 0,
    };

    /// <summary>The localized privacy key, extended as the protocol requires and cut to its length.</summary>
    public static byte[] LocalizePrivKey(AuthProtocol auth, PrivProtocol priv, ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        var kul = Localize(auth, ku, engineId);
        var length = PrivKeyLength(priv);
        return priv switch
        {
            PrivProtocol.Aes192 or PrivProtocol.Aes256 => ExtendBlumenthal(auth, kul, length),
            PrivProtocol.Aes192Cisco or PrivProtocol.Aes256Cisco => ExtendReeder(auth, kul, engineId, length),
            _ when kul.Length >= length => kul[..length],
            _ => throw new ArgumentException($"{UsmProtocolNames.Name(auth)} gives too short a key for {UsmProtocolNames.Name(priv)}.", nameof(priv)),
        };
    }
}

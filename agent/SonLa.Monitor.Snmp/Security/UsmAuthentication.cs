using System.Security.Cryptography;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// The hash and HMAC of each authentication protocol, and the truncated lengths of
/// msgAuthenticationParameters (RFC 3414: 12 octets for MD5 and SHA-1; RFC 7860: 16, 24, 32, 48
/// for SHA-224, SHA-256, SHA-384, SHA-512).
/// </summary>
public static class UsmAuthentication
{
    /// <summary>Octets of msgAuthenticationParameters.</summary>
    public static int TruncatedLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 or AuthProtocol.Sha1 => 12,
        AuthProtocol.Sha224 => 16,
        AuthProtocol.Sha256 => 24,
        AuthProtocol.Sha384 => 32,
        AuthProtocol.Sha512 => 48,
        _ => 0,
    };

    /// <summary>Octets of the hash output (and of a localized key).</summary>
    public static int DigestLength(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => 16,
        AuthProtocol.Sha1 => 20,
        AuthProtocol.Sha224 => 28,
        AuthProtocol.Sha256 => 32,
        AuthProtocol.Sha384 => 48,
        AuthProtocol.Sha512 => 64,
        _ => 0,
    };

    internal static HashAlgorithmName HashName(AuthProtocol protocol) => protocol switch
    {
        AuthProtocol.Md5 => HashAlgorithmName.MD5,
        AuthProtocol.Sha1 => HashAlgorithmName.SHA1,
        AuthProtocol.Sha224 => new HashAlgorithmName("SHA224"),
        AuthProtocol.Sha256 => HashAlgorithmName.SHA256,
        AuthProtocol.Sha384 => HashAlgorithmName.SHA384,
        AuthProtocol.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No hash for this authentication protocol."),
    };

#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are what RFC 3414 prescribes; devices still use them.
    internal static byte[] Hash(AuthProtocol protocol, ReadOnlySpan<byte> data) => protocol switch
    {
        AuthProtocol.Md5 => MD5.HashData(data),
        AuthProtocol.Sha1 => SHA1.HashData(data),
        AuthProtocol.Sha224 => Sha224.HashData(data),
        AuthProtocol.Sha256 => SHA256.HashData(data),
        AuthProtocol.Sha384 => SHA384.HashData(data),
        AuthProtocol.Sha512 => SHA512.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No hash for this authentication protocol."),
    };

    internal static byte[] Hmac(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => protocol switch
    {
        AuthProtocol.Md5 => HMACMD5.HashData(key, data),
        AuthProtocol.Sha1 => HMACSHA1.HashData(key, data),
        AuthProtocol.Sha224 => Sha224.Hmac(key, data),
        AuthProtocol.Sha256 => HMACSHA256.HashData(key, data),
        AuthProtocol.Sha384 => HMACSHA384.HashData(key, data),
        AuthProtocol.Sha512 => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No HMAC for this authentication protocol."),
    };
#pragma warning restore CA5350, CA5351

    /// <summary>Writes the truncated HMAC of <paramref name="message"/> (whose parameters field is zeroed) into that field.</summary>
    internal static void Sign(AuthProtocol protocol, ReadOnlySpan<byte> key, byte[] message, int parametersOffset)
    {
        var length = TruncatedLength(protocol);
        message.AsSpan(parametersOffset, length).Clear();
        Hmac(protocol, key, message).AsSpan(0, length).CopyTo(message.AsSpan(parametersOffset));
    }

    /// <summary>Checks the truncated HMAC of a received message in constant time.</summary>
    internal static bool Verify(AuthProtocol protocol, ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, int parametersOffset, int parametersLength)
    {
        var length = TruncatedLength(protocol);
        if (parametersLength != length || parametersOffset < 0 || parametersOffset + length > message.Length)
        {
            return false;
        }

        var copy = message.ToArray();
        var received = message.Slice(parametersOffset, length);
        copy.AsSpan(parametersOffset, length).Clear();
        var expected = Hmac(protocol, key, copy);
        return CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, length), received);
    }
}

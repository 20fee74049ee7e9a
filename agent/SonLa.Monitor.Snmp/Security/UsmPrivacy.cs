using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// Encryption of the ScopedPdu: DES-CBC (RFC 3414 8.1.1: IV = pre-IV XOR salt, salt = engine boots
/// and a counter) and AES-CFB128 (RFC 3826 3.1.2: IV = boots, time, 64-bit salt). msgPrivacyParameters
/// is the 8-octet salt in both.
/// </summary>
public sealed class UsmPrivacy
{
    public const int SaltLength = 8;

    private long _salt = Random.Shared.NextInt64();

    /// <summary>Encrypts <paramref name="plaintext"/> and returns the ciphertext; <paramref name="salt"/> receives msgPrivacyParameters.</summary>
    public byte[] Encrypt(PrivProtocol protocol, ReadOnlySpan<byte> key, int engineBoots, int engineTime, ReadOnlySpan<byte> plaintext, out byte[] salt)
    {
        salt = new byte[SaltLength];
        var counter = Interlocked.Increment(ref _salt);
        if (protocol == PrivProtocol.Des)
        {
            BinaryPrimitives.WriteInt32BigEndian(salt, engineBoots);
            BinaryPrimitives.WriteInt32BigEndian(salt.AsSpan(4), (int)counter);
            var padded = new byte[(plaintext.Length + 7) / 8 * 8];
            plaintext.CopyTo(padded);
            using var des = CreateDes(key);
            return des.EncryptCbc(padded, DesIv(key, salt), PaddingMode.None);
        }

        BinaryPrimitives.WriteInt64BigEndian(salt, counter);
        using var aes = CreateAes(protocol, key);
        return Cfb(aes, AesIv(engineBoots, engineTime, salt), plaintext, encrypt: true);
    }

    /// <summary>
    /// Decrypts an encryptedPDU. Returns false (never throws) when the sizes cannot be right; a wrong
    /// key gives garbage that then fails to decode.
    /// </summary>
    public static bool TryDecrypt(PrivProtocol protocol, ReadOnlySpan<byte> key, int engineBoots, int engineTime, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ciphertext, out byte[] plaintext)
    {
        plaintext = [];
        if (salt.Length != SaltLength || key.Length < UsmKeys.PrivKeyLength(protocol))
        {
            return false;
        }

        try
        {
            if (protocol == PrivProtocol.Des)
            {
                if (ciphertext.Length == 0 || ciphertext.Length % 8 != 0)
                {
                    return false;
                }

                using var des = CreateDes(key);
                plaintext = des.DecryptCbc(ciphertext, DesIv(key, salt), PaddingMode.None);
                return true;
            }

            using var aes = CreateAes(protocol, key);
            plaintext = Cfb(aes, AesIv(engineBoots, engineTime, salt), ciphertext, encrypt: false);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

#pragma warning disable CA5351 // DES is what usmDESPrivProtocol is; devices still use it.
    private static DES CreateDes(ReadOnlySpan<byte> key)
    {
        var des = DES.Create();
        des.Key = key[..8].ToArray();
        return des;
    }
#pragma warning restore CA5351

    private static Aes CreateAes(PrivProtocol protocol, ReadOnlySpan<byte> key)
    {
        var aes = Aes.Create();
        aes.Key = key[..UsmKeys.PrivKeyLength(protocol)].ToArray();
        return aes;
    }

    private static byte[] DesIv(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt)
    {
        var iv = new byte[8];
        for (var i = 0; i < 8; i++)
        {
            iv[i] = (byte)(key[8 + i] ^ salt[i]);
        }

        return iv;
    }

    private static byte[] AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt)
    {
        var iv = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv.AsSpan(4), engineTime);
        salt.CopyTo(iv.AsSpan(8));
        return iv;
    }

    // CFB128 is a stream mode (no padding on the wire), but the BCL wants whole blocks: pad with
    // zeros and cut. Each output byte depends only on earlier input, so the cut bytes are exact.
    private static byte[] Cfb(Aes aes, byte[] iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        var padded = new byte[(input.Length + 15) / 16 * 16];
        input.CopyTo(padded);
        var output = encrypt
            ? aes.EncryptCfb(padded, iv, PaddingMode.None, 128)
            : aes.DecryptCfb(padded, iv, PaddingMode.None, 128);
        return output.AsSpan(0, input.Length).ToArray();
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// Localized keys by (protocol, hash of the passphrase, engine id): deriving one hashes 1 MB, so a
/// poller with hundreds of devices must not repeat it per request. Unlocalized keys (Ku) are cached
/// too, so a new engine id costs one small hash. Passphrases themselves are never stored. Bounded:
/// past <see cref="MaxEntries"/> the cache starts over.
/// </summary>
public sealed class UsmKeyCache
{
    public const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, byte[]> _ku = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _localized = new(StringComparer.Ordinal);

    public static UsmKeyCache Shared { get; } = new();

    /// <summary>Keys held (localized and unlocalized), for tests and diagnostics.</summary>
    public int Count => _ku.Count + _localized.Count;

    public byte[] GetAuthKey(AuthProtocol protocol, string passphrase, ReadOnlySpan<byte> engineId)
    {
        var fingerprint = Fingerprint(passphrase);
        var key = $"a|{protocol}|{fingerprint}|{Convert.ToHexString(engineId)}";
        if (_localized.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var localized = UsmKeys.Localize(protocol, GetKu(protocol, passphrase, fingerprint), engineId);
        return Add(_localized, key, localized);
    }

    public byte[] GetPrivKey(AuthProtocol auth, PrivProtocol priv, string passphrase, ReadOnlySpan<byte> engineId)
    {
        var fingerprint = Fingerprint(passphrase);
        var key = $"p|{auth}|{priv}|{fingerprint}|{Convert.ToHexString(engineId)}";
        if (_localized.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var localized = UsmKeys.LocalizePrivKey(auth, priv, GetKu(auth, passphrase, fingerprint), engineId);
        return Add(_localized, key, localized);
    }

    public void Clear()
    {
        _ku.Clear();
        _localized.Clear();
    }

    private byte[] GetKu(AuthProtocol protocol, string passphrase, string fingerprint)
    {
        var key = $"{protocol}|{fingerprint}";
        return _ku.TryGetValue(key, out var ku) ? ku : Add(_ku, key, UsmKeys.PasswordToKey(protocol, passphrase));
    }

    private static byte[] Add(ConcurrentDictionary<string, byte[]> map, string key, byte[] value)
    {
        if (map.Count >= MaxEntries)
        {
            map.Clear();
        }

        return map.GetOrAdd(key, value);
    }

    // A keyed fingerprint would be stronger, but this never leaves the process; it only avoids
    // keeping the passphrase itself as a dictionary key.
    private static string Fingerprint(string passphrase) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(passphrase)));
}

using System.Globalization;
using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Snmp.Security;
using SonLa.Monitor.Snmp.Traps;

namespace SonLa.Monitor.Agent.Traps;

/// <summary>Builds the engine's <see cref="TrapUser"/> from <c>Traps:Users</c>; messages never contain a passphrase.</summary>
public static class TrapUserFactory
{
    /// <summary>Throws <see cref="FormatException"/> or <see cref="ArgumentException"/> naming the problem.</summary>
    public static TrapUser Create(TrapUserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.User.Length == 0)
        {
            throw new ArgumentException("User is required.");
        }

        // Without a Level, the credentials given decide it.
        var level = options.Level.Length > 0 ? options.Level
            : !options.PrivPassphrase.IsEmpty ? "authPriv"
            : !options.AuthPassphrase.IsEmpty ? "authNoPriv"
            : "noAuthNoPriv";
        var security = UsmSecurity.Create(options.User, level, options.AuthProtocol, options.AuthPassphrase.Reveal(),
            options.PrivProtocol, options.PrivPassphrase.Reveal());
        return new TrapUser(security.User, security.Level, ParseEngineId(options.EngineId));
    }

    /// <summary>"0x80001f88..." or "80001f88..." (net-snmp -e); empty accepts any sender engine id.</summary>
    public static byte[] ParseEngineId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length == 0)
        {
            return [];
        }

        if (hex.Length % 2 != 0 || hex.Length is < 10 or > 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"EngineId must be 5 to 32 octets in hex, e.g. 0x8000000001020304 (got '{text}')"));
        }

        return Convert.FromHexString(hex);
    }
}

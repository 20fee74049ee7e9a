using System.Globalization;
using SonLa.Monitor.Agent.Configuration;

namespace SonLa.Monitor.Agent.Cli;

internal static partial class SnmpCommandLineParser
{
    /// <summary>RFC 3414 section 11.2: passphrases shorter than 8 characters are refused (net-snmp does too).</summary>
    public const int MinPassphraseLength = 8;

    public const string SecurityLevels = "noAuthNoPriv, authNoPriv or authPriv";
    public const string AuthProtocols = "MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512";
    public const string PrivProtocols = "DES, AES, AES-192, AES-256, AES-192-C or AES-256-C";

    private static readonly string[] AuthProtocolNames = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];

    private static readonly string[] PrivProtocolNames = ["DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C"];

    private static void ParseUsmFlag(char flag, IReadOnlyList<string> args, ref int i, State state)
    {
        var usm = state.Usm;
        state.Usm = flag switch
        {
            'u' => usm with { User = ParseUserName(TakeValue(args, ref i, "USER")) },
            'l' => usm with { Level = ParseLevel(TakeValue(args, ref i, "noAuthNoPriv|authNoPriv|authPriv")) },
            'a' => usm with { AuthProtocol = ParseProtocol(flag, TakeValue(args, ref i, "PROTOCOL"), AuthProtocolNames, AuthProtocols, "an authentication protocol") },
            'A' => usm with { AuthPassphrase = ParsePassphrase(flag, TakeValue(args, ref i, "PASSPHRASE"), "authentication") },
            'x' => usm with { PrivProtocol = ParseProtocol(flag, TakeValue(args, ref i, "PROTOCOL"), PrivProtocolNames, PrivProtocols, "a privacy protocol") },
            'X' => usm with { PrivPassphrase = ParsePassphrase(flag, TakeValue(args, ref i, "PASSPHRASE"), "privacy") },
            'n' => usm with { ContextName = TakeValue(args, ref i, "CONTEXT") },
            'e' => usm with { SecurityEngineId = ParseEngineId(flag, TakeValue(args, ref i, "ENGINE-ID")) },
            'E' => usm with { ContextEngineId = ParseEngineId(flag, TakeValue(args, ref i, "ENGINE-ID")) },
            _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Not a USM flag."),
        };
    }

    /// <summary>
    /// Checks a v3 request is complete. A missing -l is taken from the passphrases given
    /// (-X means authPriv, -A authNoPriv), which is what someone typing them means.
    /// </summary>
    private static UsmArguments CompleteUsm(UsmArguments usm)
    {
        if (usm.User is null)
        {
            throw new CliUsageException("-u: SNMPv3 needs a user name (-u USER)");
        }

        var level = usm.Level
            ?? (usm.PrivPassphrase is not null ? "authPriv" : usm.AuthPassphrase is not null ? "authNoPriv" : "noAuthNoPriv");
        if (level != "noAuthNoPriv")
        {
            if (usm.AuthProtocol is null)
            {
                throw new CliUsageException($"-a: -l {level} needs an authentication protocol (-a {AuthProtocols})");
            }

            if (usm.AuthPassphrase is null)
            {
                throw new CliUsageException($"-A: -l {level} needs an authentication passphrase (-A PASSPHRASE)");
            }
        }

        if (level == "authPriv")
        {
            if (usm.PrivProtocol is null)
            {
                throw new CliUsageException($"-x: -l authPriv needs a privacy protocol (-x {PrivProtocols})");
            }

            if (usm.PrivPassphrase is null)
            {
                throw new CliUsageException("-X: -l authPriv needs a privacy passphrase (-X PASSPHRASE)");
            }
        }

        return usm with { Level = level };
    }

    /// <summary>msgUserName is an SnmpAdminString (SIZE(1..32)) in RFC 3414.</summary>
    public const int MaxUserNameBytes = 32;

    private static string ParseUserName(string value)
    {
        if (value.Length == 0)
        {
            throw new CliUsageException("-u needs a user name, not an empty value");
        }

        return System.Text.Encoding.UTF8.GetByteCount(value) <= MaxUserNameBytes
            ? value
            : throw new CliUsageException($"-u: a USM user name is at most {MaxUserNameBytes} bytes");
    }

    /// <summary>net-snmp's names for the levels, and its short forms (noauth, auth, priv, 1, 2, 3).</summary>
    private static string ParseLevel(string value) => value.ToUpperInvariant() switch
    {
        "NOAUTHNOPRIV" or "NOAUTH" or "NANP" or "1" => "noAuthNoPriv",
        "AUTHNOPRIV" or "AUTH" or "ANP" or "2" => "authNoPriv",
        "AUTHPRIV" or "PRIV" or "AP" or "3" => "authPriv",
        _ => throw new CliUsageException($"-l: '{value}' is not a security level ({SecurityLevels})"),
    };

    private static string ParseProtocol(char flag, string value, string[] names, string list, string what)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        throw new CliUsageException($"-{flag}: '{value}' is not {what} ({list})");
    }

    /// <summary>Only the length is ever reported, never the passphrase.</summary>
    private static Secret ParsePassphrase(char flag, string value, string what) =>
        value.Length >= MinPassphraseLength
            ? new Secret(value)
            : throw new CliUsageException(
                $"-{flag}: the {what} passphrase is too short (USM requires at least {MinPassphraseLength} characters)");

    /// <summary>An snmpEngineID: 5 to 32 octets (RFC 3411), typed as hex with an optional 0x.</summary>
    private static byte[] ParseEngineId(char flag, string value)
    {
        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        if (hex.Length % 2 == 0 && hex.Length is >= 10 and <= 64 && hex.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(hex);
        }

        throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
            $"-{flag}: '{value}' is not an engine id (5 to 32 bytes in hex, e.g. 800000020109840301)"));
    }
}

using System.Text;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// A USM user's credentials as configured on the agent (net-snmp createUser). The passphrases are
/// secrets: <see cref="ToString"/> never shows them, and no exception message contains them.
/// </summary>
public sealed record UsmUser
{
    /// <summary>net-snmp refuses passphrases shorter than this (RFC 3414 recommends at least 8).</summary>
    public const int MinPassphraseLength = 8;

    /// <summary>msgUserName is at most 32 octets (RFC 3414 SnmpAdminString (SIZE(1..32))).</summary>
    public const int MaxUserNameLength = 32;

    public UsmUser(string userName, AuthProtocol authProtocol = AuthProtocol.None, string? authPassphrase = null,
        PrivProtocol privProtocol = PrivProtocol.None, string? privPassphrase = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (Encoding.UTF8.GetByteCount(userName) > MaxUserNameLength)
        {
            throw new ArgumentException($"A USM user name is at most {MaxUserNameLength} bytes.", nameof(userName));
        }

        if (authProtocol != AuthProtocol.None)
        {
            CheckPassphrase(authPassphrase, nameof(authPassphrase), "authentication");
        }

        if (privProtocol != PrivProtocol.None)
        {
            if (authProtocol == AuthProtocol.None)
            {
                throw new ArgumentException("Privacy needs an authentication protocol too.", nameof(privProtocol));
            }

            CheckPassphrase(privPassphrase, nameof(privPassphrase), "privacy");
        }

        UserName = userName;
        AuthProtocol = authProtocol;
        AuthPassphrase = authPassphrase ?? "";
        PrivProtocol = privProtocol;
        PrivPassphrase = privPassphrase ?? "";
    }

    public string UserName { get; }

    public AuthProtocol AuthProtocol { get; }

    /// <summary>A secret.</summary>
    public string AuthPassphrase { get; }

    public PrivProtocol PrivProtocol { get; }

    /// <summary>A secret.</summary>
    public string PrivPassphrase { get; }

    /// <summary>The highest level these credentials allow.</summary>
    public SecurityLevel MaxLevel => PrivProtocol != PrivProtocol.None ? SecurityLevel.AuthPriv
        : AuthProtocol != AuthProtocol.None ? SecurityLevel.AuthNoPriv
        : SecurityLevel.NoAuthNoPriv;

    public bool Equals(UsmUser? other) =>
        other is not null && UserName == other.UserName && AuthProtocol == other.AuthProtocol &&
        AuthPassphrase == other.AuthPassphrase && PrivProtocol == other.PrivProtocol && PrivPassphrase == other.PrivPassphrase;

    public override int GetHashCode() => HashCode.Combine(UserName, AuthProtocol, PrivProtocol);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserName = ").Append(UserName)
            .Append(", AuthProtocol = ").Append(UsmProtocolNames.Name(AuthProtocol))
            .Append(", AuthPassphrase = ").Append(AuthProtocol == AuthProtocol.None ? "(none)" : "***")
            .Append(", PrivProtocol = ").Append(UsmProtocolNames.Name(PrivProtocol))
            .Append(", PrivPassphrase = ").Append(PrivProtocol == PrivProtocol.None ? "(none)" : "***");
        return true;
    }

    private static void CheckPassphrase(string? passphrase, string parameter, string what)
    {
        if (passphrase is null || passphrase.Length < MinPassphraseLength)
        {
            throw new ArgumentException($"The {what} passphrase must have at least {MinPassphraseLength} characters.", parameter);
        }
    }
}

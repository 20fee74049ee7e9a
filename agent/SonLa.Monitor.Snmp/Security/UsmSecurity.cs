using System.Text;

namespace SonLa.Monitor.Snmp.Security;

/// <summary>
/// What an SNMPv3 request is sent with: the user, the security level (at most what the user's
/// credentials allow), and the context (net-snmp -n and -E). <see cref="ToString"/> hides the passphrases.
/// </summary>
public sealed record UsmSecurity
{
    public UsmSecurity(UsmUser user, SecurityLevel level)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (level > user.MaxLevel)
        {
            throw new ArgumentException(level == SecurityLevel.AuthPriv
                ? "Security level authPriv needs an authentication and a privacy protocol and passphrase."
                : "Security level authNoPriv needs an authentication protocol and passphrase.", nameof(level));
        }

        User = user;
        Level = level;
    }

    public UsmUser User { get; }

    public SecurityLevel Level { get; }

    /// <summary>contextName of the ScopedPdu (net-snmp -n); empty is the default context.</summary>
    public string ContextName { get; init; } = "";

    /// <summary>
    /// The agent's snmpEngineID when known in advance (net-snmp -e): no discovery; boots and time
    /// are learned from the first notInTimeWindow report. Null: discover it.
    /// </summary>
    public ReadOnlyMemory<byte>? SecurityEngineId { get; init; }

    /// <summary>contextEngineID (net-snmp -E); null means the agent's own (discovered) engine id.</summary>
    public ReadOnlyMemory<byte>? ContextEngineId { get; init; }

    /// <summary>
    /// Builds the security of a command line or config: protocol and level names as net-snmp's
    /// -l, -a, -x take them; protocols a level does not use may be null. Throws <see cref="FormatException"/>
    /// for an unknown name and <see cref="ArgumentException"/> for missing or too-short passphrases
    /// (messages never contain a passphrase).
    /// </summary>
    public static UsmSecurity Create(string userName, string level, string? authProtocol = null, string? authPassphrase = null,
        string? privProtocol = null, string? privPassphrase = null, string? contextName = null)
    {
        var securityLevel = UsmProtocolNames.ParseLevel(level);
        var auth = securityLevel == SecurityLevel.NoAuthNoPriv ? AuthProtocol.None
            : UsmProtocolNames.ParseAuth(string.IsNullOrEmpty(authProtocol) ? "MD5" : authProtocol);
        var priv = securityLevel != SecurityLevel.AuthPriv ? PrivProtocol.None
            : UsmProtocolNames.ParsePriv(string.IsNullOrEmpty(privProtocol) ? "DES" : privProtocol);
        var user = new UsmUser(userName, auth, auth == AuthProtocol.None ? null : authPassphrase,
            priv, priv == PrivProtocol.None ? null : privPassphrase);
        return new UsmSecurity(user, securityLevel) { ContextName = contextName ?? "" };
    }

    public bool Equals(UsmSecurity? other) =>
        other is not null && User.Equals(other.User) && Level == other.Level && ContextName == other.ContextName &&
        ContextEngineId.HasValue == other.ContextEngineId.HasValue &&
        (!ContextEngineId.HasValue || ContextEngineId.Value.Span.SequenceEqual(other.ContextEngineId!.Value.Span)) &&
        SecurityEngineId.HasValue == other.SecurityEngineId.HasValue &&
        (!SecurityEngineId.HasValue || SecurityEngineId.Value.Span.SequenceEqual(other.SecurityEngineId!.Value.Span));

    public override int GetHashCode() => HashCode.Combine(User, Level, ContextName);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User)
            .Append(", Level = ").Append(UsmProtocolNames.Name(Level))
            .Append(", ContextName = ").Append(ContextName);
        if (ContextEngineId is { } id)
        {
            builder.Append(", ContextEngineId = ").Append(Convert.ToHexString(id.Span));
        }

        if (SecurityEngineId is { } securityId)
        {
            builder.Append(", SecurityEngineId = ").Append(Convert.ToHexString(securityId.Span));
        }

        return true;
    }
}

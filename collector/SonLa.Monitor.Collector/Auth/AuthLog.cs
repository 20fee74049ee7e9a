namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Log lines of logins, users and tokens. Never a password or a token here, with one deliberate exception: the
/// one-time password of the first admin, printed once because nobody else could sign in otherwise.
/// </summary>
internal static partial class AuthLog
{
    [LoggerMessage(1700, LogLevel.Warning, "first start: created user '{User}' with one-time password {Password} — change it at first login")]
    public static partial void FirstAdminWithOneTimePassword(ILogger logger, string user, string password);

    [LoggerMessage(1701, LogLevel.Warning, "first start: created user '{User}' with the password of Auth:InitialAdminPassword")]
    public static partial void FirstAdminWithConfiguredPassword(ILogger logger, string user);

    [LoggerMessage(1702, LogLevel.Information, "User '{User}' signed in from {Address}")]
    public static partial void SignedIn(ILogger logger, string user, string address);

    [LoggerMessage(1703, LogLevel.Warning, "Failed login for '{User}' from {Address} ({UserFailures} failure(s) for the name, {AddressFailures} from the address)")]
    public static partial void LoginFailed(ILogger logger, string user, string address, int userFailures, int addressFailures);

    [LoggerMessage(1704, LogLevel.Warning, "Logins for '{User}' / from {Address} locked out for {Seconds} s after repeated failures; attempts meanwhile are refused and only counted")]
    public static partial void LockedOut(ILogger logger, string user, string address, long seconds);

    [LoggerMessage(1705, LogLevel.Information, "User '{User}' changed its password")]
    public static partial void PasswordChanged(ILogger logger, string user);

    [LoggerMessage(1706, LogLevel.Information, "User '{Admin}' created user '{User}' (role {Role})")]
    public static partial void UserCreated(ILogger logger, string admin, string user, string role);

    [LoggerMessage(1707, LogLevel.Information, "User '{Admin}' disabled user '{User}'")]
    public static partial void UserDisabled(ILogger logger, string admin, string user);

    [LoggerMessage(1708, LogLevel.Information, "User '{User}' created API token {TokenId} '{Name}'")]
    public static partial void TokenCreated(ILogger logger, string user, long tokenId, string name);

    [LoggerMessage(1709, LogLevel.Information, "User '{User}' revoked API token {TokenId}")]
    public static partial void TokenRevoked(ILogger logger, string user, long tokenId);
}

using SonLa.Monitor.Collector.Configuration;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>Logins for the web UI and the JSON API (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const int DefaultMinPasswordLength = 10;
    public const int DefaultSessionHours = 12;

    /// <summary>
    /// Password of the <c>admin</c> user created at first start (no user yet). Unset: a random one-time password is
    /// printed once and must be changed at first login. Ignored once any user exists.
    /// </summary>
    public Secret? InitialAdminPassword { get; set; }

    public int MinPasswordLength { get; set; } = DefaultMinPasswordLength;

    /// <summary>A UI session ends after this long without a request (sliding).</summary>
    public int SessionHours { get; set; } = DefaultSessionHours;

    /// <summary>Throttling of failed logins (<c>Auth:Login</c>).</summary>
    public LoginThrottleOptions Login { get; set; } = new();
}

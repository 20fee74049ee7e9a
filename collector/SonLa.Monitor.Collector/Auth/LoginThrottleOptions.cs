namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Failed-login throttling (<c>Auth:Login</c>). After <see cref="MaxFailuresPerUser"/> failures for one user name (or
/// <see cref="MaxFailuresPerAddress"/> from one client address) within <see cref="FailureWindowSeconds"/>, logins for
/// it are refused for <see cref="LockoutSeconds"/>, doubling with every further failure up to <see cref="MaxLockoutSeconds"/>.
/// </summary>
public sealed class LoginThrottleOptions
{
    public const int DefaultMaxFailuresPerUser = 5;
    public const int DefaultMaxFailuresPerAddress = 20;
    public const int DefaultLockoutSeconds = 60;
    public const int DefaultMaxLockoutSeconds = 900;
    public const int DefaultFailureWindowSeconds = 900;

    public int MaxFailuresPerUser { get; set; } = DefaultMaxFailuresPerUser;

    /// <summary>Higher than per user: a province office behind one NAT address has many staff.</summary>
    public int MaxFailuresPerAddress { get; set; } = DefaultMaxFailuresPerAddress;

    public int LockoutSeconds { get; set; } = DefaultLockoutSeconds;

    public int MaxLockoutSeconds { get; set; } = DefaultMaxLockoutSeconds;

    /// <summary>Failures older than this (and not locked out) are forgotten.</summary>
    public int FailureWindowSeconds { get; set; } = DefaultFailureWindowSeconds;
}

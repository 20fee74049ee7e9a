namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Authorization policy names for the web UI and JSON API. <see cref="Reader"/>: any signed-in user (viewer,
/// admin, or site; a site user is limited to its own site by the endpoint, see <see cref="SonLaClaimTypes.Site"/>).
/// <see cref="Admin"/>: acknowledging alerts, maintenance windows, users.
/// </summary>
public static class AuthPolicies
{
    public const string Reader = "reader";
    public const string Admin = "admin";
}

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Authentication scheme names. <see cref="Default"/> forwards to <see cref="Bearer"/> when the request has an
/// <c>Authorization: Bearer</c> header, else to <see cref="Cookie"/>.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "sonla";
    public const string Cookie = "sonla-cookie";
    public const string Bearer = "sonla-bearer";

    /// <summary>Signed in, even with a password that must be changed first (for /api/me and the password change).</summary>
    public const string AnySessionPolicy = "any-session";

    public const string SessionCookieName = "sonla_session";
    public const string AntiforgeryCookieName = "sonla_csrf";

    /// <summary>Cookie-authenticated POST/PUT/PATCH/DELETE requests carry the token of <c>GET /api/antiforgery</c> here.</summary>
    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";
}

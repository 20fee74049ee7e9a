using System.Globalization;
using System.Security.Claims;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>The claims of a signed-in user, and reading them back.</summary>
public static class SonLaPrincipal
{
    /// <summary>Present (value "1") while the user must change its password before anything else.</summary>
    public const string MustChangePasswordClaim = "sonla:must_change_password";

    public const string SecurityStampClaim = "sonla:stamp";

    /// <summary>The id of the API token a bearer request was authenticated with.</summary>
    public const string TokenIdClaim = "sonla:token";

    public static ClaimsPrincipal Create(UserAccount user, string scheme, long? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(SecurityStampClaim, user.SecurityStamp),
        };
        if (user.Role == Roles.Site && user.SiteId is not null)
        {
            claims.Add(new Claim(SonLaClaimTypes.Site, user.SiteId));
        }

        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenIdClaim, tokenId.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "1"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static long? UserId(this ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static long? TokenId(this ClaimsPrincipal principal) =>
        long.TryParse(principal?.FindFirstValue(TokenIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static string UserName(this ClaimsPrincipal principal) => principal?.Identity?.Name ?? "";

    public static bool MustChangePassword(this ClaimsPrincipal principal) =>
        principal?.HasClaim(c => c.Type == MustChangePasswordClaim) == true;

    /// <summary>True when the request was authenticated by the session cookie (not a bearer token).</summary>
    public static bool IsCookieSession(this ClaimsPrincipal principal) =>
        principal?.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie };
}

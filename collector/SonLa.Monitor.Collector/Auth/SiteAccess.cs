using System.Security.Claims;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Which sites a user may see: viewer and admin every site, a <see cref="Roles.Site"/> user only the one in its
/// <see cref="SonLaClaimTypes.Site"/> claim. Every endpoint that returns site data filters with this.
/// </summary>
public static class SiteAccess
{
    /// <summary>The only site the user may see, or null when it may see all.</summary>
    /// <remarks>A site user without a site claim gets "" — a site id that never exists — so it sees nothing.</remarks>
    public static string? RestrictedSite(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Viewer))
        {
            return null;
        }

        return user.IsInRole(Roles.Site) ? user.FindFirstValue(SonLaClaimTypes.Site) ?? "" : "";
    }

    public static bool MaySeeSite(this ClaimsPrincipal user, string siteId)
    {
        var restricted = user.RestrictedSite();
        return restricted is null || string.Equals(restricted, siteId, StringComparison.Ordinal);
    }
}

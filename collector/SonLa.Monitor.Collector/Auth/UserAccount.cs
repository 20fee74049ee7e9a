namespace SonLa.Monitor.Collector.Auth;

/// <summary>A user of the web UI / API as stored in <c>auth_users</c> (never with its password hash).</summary>
/// <param name="SiteId">The one site a <see cref="Roles.Site"/> user may see; null for the other roles.</param>
/// <param name="SecurityStamp">Changes with the password or when disabled: sessions issued before it end.</param>
public sealed record UserAccount(
    long Id,
    string Name,
    string Role,
    string? SiteId,
    bool MustChangePassword,
    string SecurityStamp,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LastLoginAt)
{
    public bool IsDisabled => DisabledAt is not null;
}

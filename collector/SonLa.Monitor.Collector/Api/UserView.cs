namespace SonLa.Monitor.Collector.Api;

/// <summary>A user as the API shows it (never a password hash).</summary>
/// <param name="Site">The site of a <c>site</c> user; null for viewer and admin.</param>
public sealed record UserView(
    string Name,
    string Role,
    string? Site,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LastLoginAt);

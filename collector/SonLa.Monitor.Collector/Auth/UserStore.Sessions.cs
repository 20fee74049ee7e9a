using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;

namespace SonLa.Monitor.Collector.Auth;

public sealed partial class UserStore
{
    private readonly ConcurrentDictionary<SessionWatch, byte> _watches = new();

    /// <summary>
    /// For a request that outlives its authentication (the live stream): calls <paramref name="ended"/> once the session
    /// behind <paramref name="principal"/> stops being valid — the user disabled, its password changed (cookie
    /// sessions), its API token revoked — or at once if it already has. Dispose to stop watching.
    /// </summary>
    public IDisposable WatchSession(ClaimsPrincipal principal, Action ended)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(ended);
        var watch = new SessionWatch(this, principal.UserId() ?? -1, principal.TokenId(),
            principal.FindFirst(SonLaPrincipal.SecurityStampClaim)?.Value, ended);
        _watches.TryAdd(watch, 0);
        // Registered first, checked second: a change between the request's authentication and now is not missed.
        if (!IsStillValid(watch))
        {
            watch.End();
        }

        return watch;
    }

    /// <summary>The user's sessions end: every watched one, or (<paramref name="cookieSessionsOnly"/>) its sign-ins but not its API tokens.</summary>
    private void EndSessions(long userId, bool cookieSessionsOnly)
    {
        foreach (var watch in _watches.Keys)
        {
            if (watch.UserId == userId && !(cookieSessionsOnly && watch.TokenId is not null))
            {
                watch.End();
            }
        }
    }

    private void EndToken(long tokenId)
    {
        foreach (var watch in _watches.Keys)
        {
            if (watch.TokenId == tokenId)
            {
                watch.End();
            }
        }
    }

    private bool IsStillValid(SessionWatch watch)
    {
        var user = FindById(watch.UserId);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (watch.TokenId is not { } tokenId)
        {
            return string.Equals(user.SecurityStamp, watch.Stamp, StringComparison.Ordinal);
        }

        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM auth_tokens WHERE id = $id AND user_id = $user AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$id", tokenId);
        command.Parameters.AddWithValue("$user", watch.UserId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    private sealed class SessionWatch(UserStore store, long userId, long? tokenId, string? stamp, Action ended) : IDisposable
    {
        private int _ended;

        public long UserId { get; } = userId;

        public long? TokenId { get; } = tokenId;

        public string? Stamp { get; } = stamp;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                store._watches.TryRemove(this, out _);
                ended();
            }
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _ended, 1);
            store._watches.TryRemove(this, out _);
        }
    }
}

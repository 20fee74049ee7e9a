using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SonLa.Monitor.Collector.Auth;

public sealed partial class UserStore
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise (and to grep for in code).</summary>
    public const string TokenPrefix = "sonla_";

    // last_used_at is written at most this often per token: a script polling every second must not mean a write a second.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string TokenColumns =
        "t.id, t.name, t.user_id, u.name, t.created_at, t.last_used_at FROM auth_tokens t JOIN auth_users u ON u.id = t.user_id";

    /// <summary>A new bearer token for the user: the returned secret is shown once and never stored.</summary>
    public (ApiToken Token, string Secret) CreateToken(long userId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        long id;
        using (var connection = _database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                """
                INSERT INTO auth_tokens (token_sha256, name, user_id, created_at) VALUES ($hash, $name, $user, $now)
                RETURNING id
                """;
            command.Parameters.AddWithValue("$hash", Sha256(secret));
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$user", userId);
            command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
            id = (long)command.ExecuteScalar()!;
        }

        return (ListTokens("t.id = $key", id).Single(), secret);
    }

    /// <summary>The enabled user a live token belongs to, or null. Records when the token was last used.</summary>
    public (UserAccount User, long TokenId)? FindByToken(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200)
        {
            return null;
        }

        long tokenId, userId;
        using (var connection = _database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, user_id FROM auth_tokens WHERE token_sha256 = $hash AND revoked_at IS NULL";
            command.Parameters.AddWithValue("$hash", Sha256(secret));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            tokenId = reader.GetInt64(0);
            userId = reader.GetInt64(1);
        }

        var user = FindById(userId);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        using (var connection = _database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "UPDATE auth_tokens SET last_used_at = $now WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $before)";
            command.Parameters.AddWithValue("$now", Format(now));
            command.Parameters.AddWithValue("$before", Format(now - LastUsedResolution));
            command.Parameters.AddWithValue("$id", tokenId);
            command.ExecuteNonQuery();
        }

        return (user, tokenId);
    }

    /// <summary>Live tokens, of one user or (null) of everyone.</summary>
    public IReadOnlyList<ApiToken> ListTokens(long? userId) =>
        userId is null ? ListTokens("1 = 1", 0) : ListTokens("t.user_id = $key", userId.Value);

    /// <summary>Revokes a token (of that owner only, unless null). False when there is no such live token.</summary>
    public bool RevokeToken(long tokenId, long? ownerId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE auth_tokens SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL AND ($owner IS NULL OR user_id = $owner)";
        command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
        command.Parameters.AddWithValue("$id", tokenId);
        command.Parameters.AddWithValue("$owner", (object?)ownerId ?? DBNull.Value);
        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        EndToken(tokenId);
        return true;
    }

    private List<ApiToken> ListTokens(string condition, long key)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {TokenColumns} WHERE t.revoked_at IS NULL AND {condition} ORDER BY t.id";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var tokens = new List<ApiToken>();
        while (reader.Read())
        {
            tokens.Add(ReadToken(reader));
        }

        return tokens;
    }

    private static ApiToken ReadToken(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Parse(reader.GetString(5)));

    private static string Sha256(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

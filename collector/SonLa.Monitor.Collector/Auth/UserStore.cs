using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Auth;

/// <summary>
/// Users (<c>auth_users</c>) and their API tokens (<c>auth_tokens</c>) in the collector's SQLite state. Passwords are
/// stored as ASP.NET Core Identity hashes (PBKDF2), tokens only as their SHA-256.
/// </summary>
public sealed partial class UserStore
{
    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS auth_users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('viewer', 'admin', 'site')),
            site_id TEXT NULL,
            password_hash TEXT NOT NULL,
            must_change_password INTEGER NOT NULL DEFAULT 0,
            security_stamp TEXT NOT NULL,
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL,
            disabled_at TEXT NULL,
            last_login_at TEXT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS auth_tokens (
            id INTEGER PRIMARY KEY,
            token_sha256 TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES auth_users(id),
            created_at TEXT NOT NULL,
            last_used_at TEXT NULL,
            revoked_at TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS auth_tokens_user ON auth_tokens(user_id)",
    ];

    private const string UserColumns =
        "id, name, role, site_id, must_change_password, security_stamp, created_at, disabled_at, last_login_at, password_hash";

    private readonly StateDatabase _database;
    private readonly TimeProvider _time;
    private readonly PasswordHasher<UserStore> _hasher = new();

    // Verified against for unknown user names, so that they cost as much time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    public UserStore(StateDatabase database, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _time = time ?? TimeProvider.System;
        _database.EnsureSchema(Schema);
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(this, RandomNumberGenerator.GetHexString(32)));
    }

    public int CountUsers()
    {
        using var connection = _database.Open();
        return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM auth_users"), CultureInfo.InvariantCulture);
    }

    public int CountActiveAdmins()
    {
        using var connection = _database.Open();
        return Convert.ToInt32(
            Scalar(connection, "SELECT COUNT(*) FROM auth_users WHERE role = 'admin' AND disabled_at IS NULL"),
            CultureInfo.InvariantCulture);
    }

    public UserAccount? FindByName(string name) => FindBy("name = $key", name).User;

    public UserAccount? FindById(long id) => FindBy("id = $key", id).User;

    public IReadOnlyList<UserAccount> List()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {UserColumns} FROM auth_users ORDER BY name";
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
        {
            users.Add(ReadUser(reader));
        }

        return users;
    }

    /// <summary>Creates a user; false when the name is taken (names compare case-insensitively).</summary>
    public bool TryCreate(string name, string role, string? siteId, string password, bool mustChangePassword, out UserAccount? user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var now = Format(_time.GetUtcNow());
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO auth_users (name, role, site_id, password_hash, must_change_password, security_stamp, created_at, password_changed_at)
            VALUES ($name, $role, $site, $hash, $must, $stamp, $now, $now)
            ON CONFLICT(name) DO NOTHING
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$site", (object?)siteId ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", _hasher.HashPassword(this, password));
        command.Parameters.AddWithValue("$must", mustChangePassword ? 1 : 0);
        command.Parameters.AddWithValue("$stamp", NewStamp());
        command.Parameters.AddWithValue("$now", now);
        user = command.ExecuteNonQuery() == 1 ? FindByName(name) : null;
        return user is not null;
    }

    /// <summary>
    /// The user when the name exists, is enabled and the password matches; null otherwise (same cost either way).
    /// </summary>
    public UserAccount? CheckPassword(string name, string password)
    {
        var (user, hash) = FindBy("name = $key", name);
        if (user is null || hash is null || user.IsDisabled)
        {
            _hasher.VerifyHashedPassword(this, _decoyHash.Value, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(this, hash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            Execute("UPDATE auth_users SET password_hash = $value WHERE id = $id", user.Id, _hasher.HashPassword(this, password));
        }

        return user;
    }

    /// <summary>Sets a new password and security stamp (other sessions of the user end).</summary>
    public UserAccount? SetPassword(long userId, string password, bool mustChangePassword)
    {
        using (var connection = _database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                """
                UPDATE auth_users SET password_hash = $hash, must_change_password = $must, security_stamp = $stamp,
                    password_changed_at = $now WHERE id = $id
                """;
            command.Parameters.AddWithValue("$hash", _hasher.HashPassword(this, password));
            command.Parameters.AddWithValue("$must", mustChangePassword ? 1 : 0);
            command.Parameters.AddWithValue("$stamp", NewStamp());
            command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
            command.Parameters.AddWithValue("$id", userId);
            command.ExecuteNonQuery();
        }

        EndSessions(userId, cookieSessionsOnly: true);
        return FindById(userId);
    }

    /// <summary>Disables a user: its sessions and tokens stop working at once. False when unknown or already disabled.</summary>
    public bool Disable(long userId)
    {
        var disabled = Execute(
            "UPDATE auth_users SET disabled_at = $value, security_stamp = hex(randomblob(16)) WHERE id = $id AND disabled_at IS NULL",
            userId,
            Format(_time.GetUtcNow())) == 1;
        if (disabled)
        {
            EndSessions(userId, cookieSessionsOnly: false);
        }

        return disabled;
    }

    public void RecordLogin(long userId) =>
        Execute("UPDATE auth_users SET last_login_at = $value WHERE id = $id", userId, Format(_time.GetUtcNow()));

    private (UserAccount? User, string? Hash) FindBy(string condition, object key)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {UserColumns} FROM auth_users WHERE {condition}";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (ReadUser(reader), reader.GetString(9)) : (null, null);
    }

    private static UserAccount ReadUser(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetInt64(4) != 0,
        reader.GetString(5),
        Parse(reader.GetString(6)),
        reader.IsDBNull(7) ? null : Parse(reader.GetString(7)),
        reader.IsDBNull(8) ? null : Parse(reader.GetString(8)));

    private int Execute(string sql, long id, object value)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$value", value);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32);

    // ISO 8601 UTC with milliseconds: sorts as text and reads well in the sqlite3 shell.
    internal static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

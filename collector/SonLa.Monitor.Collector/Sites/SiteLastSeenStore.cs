using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// Each site's last sign of life in the state database (<c>site_last_seen</c>), so that after a collector restart a
/// site seen before and not back yet is "down", not "unknown".
/// </summary>
public sealed class SiteLastSeenStore
{
    private readonly StateDatabase _database;

    public SiteLastSeenStore(StateDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _database.EnsureSchema(
            "CREATE TABLE IF NOT EXISTS site_last_seen (site_id TEXT PRIMARY KEY NOT NULL, last_seen_ms INTEGER NOT NULL) WITHOUT ROWID;");
    }

    public Dictionary<string, DateTimeOffset> Load()
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT site_id, last_seen_ms FROM site_last_seen;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            seen[reader.GetString(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        }

        return seen;
    }

    /// <summary>Writes the times in one transaction; a time never goes back (the newest of stored and given is kept).</summary>
    public void Save(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            return;
        }

        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO site_last_seen (site_id, last_seen_ms) VALUES ($site, $ms)
            ON CONFLICT (site_id) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms);
            """;
        var site = command.Parameters.Add("$site", Microsoft.Data.Sqlite.SqliteType.Text);
        var ms = command.Parameters.Add("$ms", Microsoft.Data.Sqlite.SqliteType.Integer);
        foreach (var (id, at) in times)
        {
            site.Value = id;
            ms.Value = at.ToUnixTimeMilliseconds();
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}

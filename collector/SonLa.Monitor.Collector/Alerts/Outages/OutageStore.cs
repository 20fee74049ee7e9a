using Microsoft.Data.Sqlite;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// Outages in the collector's SQLite file (tables <c>alert_outage</c>, <c>alert_outage_rollup</c>): opened when a site goes
/// dark, closed with class, blind time and timeline once its backlog is in, so history and availability survive restarts.
/// Times are Unix milliseconds.
/// </summary>
public sealed class OutageStore
{
    private readonly StateDatabase _database;

    public OutageStore(StateDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _database.EnsureSchema(
            """
            CREATE TABLE IF NOT EXISTS alert_outage (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                site_id TEXT NOT NULL,
                started_ms INTEGER NOT NULL,
                ended_ms INTEGER NULL,
                class TEXT NOT NULL DEFAULT 'blind',
                cause_device TEXT NULL,
                blind_s INTEGER NOT NULL DEFAULT 0,
                timeline_json TEXT NOT NULL DEFAULT '[]',
                incomplete INTEGER NOT NULL DEFAULT 0,
                closed INTEGER NOT NULL DEFAULT 0,
                uplink_device TEXT NULL,
                silenced INTEGER NOT NULL DEFAULT 0,
                site_name TEXT NULL,
                district TEXT NULL,
                UNIQUE (site_id, started_ms))
            """,
            "CREATE INDEX IF NOT EXISTS alert_outage_open ON alert_outage (closed, site_id)",
            """
            CREATE TABLE IF NOT EXISTS alert_outage_rollup (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sites INTEGER NOT NULL,
                sent_ms INTEGER NOT NULL,
                summary TEXT NOT NULL)
            """);
    }

    /// <summary>The site's unclosed outage, or a new one starting at <paramref name="start"/>.</summary>
    public OutageRecord OpenOrGet(string siteId, DateTimeOffset start, string? siteName, string? district)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var existing = Query(connection, transaction, "WHERE site_id = $site AND closed = 0 ORDER BY started_ms DESC LIMIT 1", ("$site", siteId));
        if (existing.Count > 0)
        {
            return existing[0];
        }

        using (var insert = Command(connection, transaction,
                   "INSERT OR IGNORE INTO alert_outage (site_id, started_ms, site_name, district) VALUES ($site, $start, $name, $district)",
                   ("$site", siteId), ("$start", start.ToUnixTimeMilliseconds()), ("$name", siteName), ("$district", district)))
        {
            insert.ExecuteNonQuery();
        }

        var created = Query(connection, transaction, "WHERE site_id = $site AND started_ms = $start", ("$site", siteId), ("$start", start.ToUnixTimeMilliseconds()));
        transaction.Commit();
        return created[0];
    }

    /// <summary>Records when the site came back (the outage stays unclosed until its timeline is built).</summary>
    public void MarkBack(long id, DateTimeOffset end, string? uplinkDevice, bool silenced)
    {
        using var connection = _database.Open();
        using var command = Command(connection, null,
            "UPDATE alert_outage SET ended_ms = $end, uplink_device = $uplink, silenced = $silenced WHERE id = $id AND closed = 0",
            ("$id", id), ("$end", end.ToUnixTimeMilliseconds()), ("$uplink", uplinkDevice), ("$silenced", silenced ? 1 : 0));
        command.ExecuteNonQuery();
    }

    /// <summary>Stores the finished outage; false when it was closed already (nothing changes then).</summary>
    public bool Close(OutageRecord outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        using var connection = _database.Open();
        using var command = Command(connection, null,
            """
            UPDATE alert_outage SET ended_ms = $end, class = $class, cause_device = $cause, blind_s = $blind, timeline_json = $timeline,
                incomplete = $incomplete, closed = 1, site_name = COALESCE($name, site_name), district = COALESCE($district, district)
            WHERE id = $id AND closed = 0
            """,
            ("$id", outage.Id), ("$end", (outage.End ?? outage.Start).ToUnixTimeMilliseconds()), ("$class", ClassName(outage.Class)),
            ("$cause", outage.CauseDevice), ("$blind", (long)outage.Blind.TotalSeconds), ("$timeline", TimelineJson.Write(outage.Timeline)),
            ("$incomplete", outage.Incomplete ? 1 : 0), ("$name", outage.SiteName), ("$district", outage.District));
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Outages not closed yet (dark, or back and waiting for the backlog): what a restarted collector picks up.</summary>
    public IReadOnlyList<(OutageRecord Outage, string? UplinkDevice, bool Silenced)> Unclosed()
    {
        using var connection = _database.Open();
        using var command = Command(connection, null, $"{Select} WHERE closed = 0 ORDER BY started_ms");
        using var reader = command.ExecuteReader();
        var list = new List<(OutageRecord, string?, bool)>();
        while (reader.Read())
        {
            list.Add((Read(reader), reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetInt64(11) != 0));
        }

        return list;
    }

    /// <summary>The site's outages overlapping [from, to), oldest first.</summary>
    public IReadOnlyList<OutageRecord> ForSite(string siteId, DateTimeOffset from, DateTimeOffset to)
    {
        using var connection = _database.Open();
        return Query(connection, null, "WHERE site_id = $site AND started_ms < $to AND (ended_ms IS NULL OR ended_ms > $from) ORDER BY started_ms",
            ("$site", siteId), ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));
    }

    /// <summary>
    /// Availability over [from, to): an open outage counts up to <paramref name="now"/> as blind (its cause is not known yet);
    /// a closed one splits into blind and down-by-class in proportion to its stored blind time.
    /// </summary>
    public SiteAvailability Availability(string siteId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (to <= from)
        {
            return new SiteAvailability(siteId, from, to, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);
        }

        var byClass = new Dictionary<OutageClass, TimeSpan>();
        var (down, blind) = (TimeSpan.Zero, TimeSpan.Zero);
        var outages = ForSite(siteId, from, to);
        foreach (var outage in outages)
        {
            var end = outage.End ?? (outage.Closed ? outage.Start : now);
            var overlap = Min(end, to) - Max(outage.Start, from);
            if (overlap <= TimeSpan.Zero)
            {
                continue;
            }

            var length = end - outage.Start;
            var blindShare = !outage.Closed || outage.Class == OutageClass.Blind || length <= TimeSpan.Zero
                ? 1.0 : Math.Clamp(outage.Blind / length, 0, 1);
            var blindPart = overlap * blindShare;
            blind += blindPart;
            if (overlap - blindPart > TimeSpan.Zero)
            {
                down += overlap - blindPart;
                byClass[outage.Class] = byClass.GetValueOrDefault(outage.Class) + (overlap - blindPart);
            }
        }

        var total = to - from;
        var up = total - down - blind;
        return new SiteAvailability(siteId, from, to, up < TimeSpan.Zero ? TimeSpan.Zero : up, down, blind, outages.Count) { DownByClass = byClass };
    }

    public (int Sites, DateTimeOffset SentAt, string Summary)? LastRollup()
    {
        using var connection = _database.Open();
        using var command = Command(connection, null, "SELECT sites, sent_ms, summary FROM alert_outage_rollup WHERE id = 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2)) : null;
    }

    public void SaveRollup(int sites, DateTimeOffset sentAt, string summary)
    {
        using var connection = _database.Open();
        using var command = Command(connection, null,
            "INSERT INTO alert_outage_rollup (id, sites, sent_ms, summary) VALUES (1, $sites, $sent, $summary) "
            + "ON CONFLICT (id) DO UPDATE SET sites = excluded.sites, sent_ms = excluded.sent_ms, summary = excluded.summary",
            ("$sites", sites), ("$sent", sentAt.ToUnixTimeMilliseconds()), ("$summary", summary));
        command.ExecuteNonQuery();
    }

    public static string ClassName(OutageClass outageClass) => outageClass.ToString().ToLowerInvariant();

    public static OutageClass ParseClass(string? name) =>
        Enum.TryParse<OutageClass>(name, ignoreCase: true, out var parsed) ? parsed : OutageClass.Blind;

    private const string Select =
        "SELECT id, site_id, started_ms, ended_ms, class, cause_device, blind_s, timeline_json, incomplete, closed, uplink_device, silenced, site_name, district FROM alert_outage";

    private static List<OutageRecord> Query(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string, object?)[] parameters)
    {
        using var command = Command(connection, transaction, $"{Select} {where}", parameters);
        using var reader = command.ExecuteReader();
        var list = new List<OutageRecord>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static OutageRecord Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), ParseClass(reader.GetString(4)))
        {
            CauseDevice = reader.IsDBNull(5) ? null : reader.GetString(5),
            Blind = TimeSpan.FromSeconds(reader.GetInt64(6)),
            Timeline = TimelineJson.Read(reader.GetString(7)),
            Incomplete = reader.GetInt64(8) != 0,
            Closed = reader.GetInt64(9) != 0,
            SiteName = reader.IsDBNull(12) ? null : reader.GetString(12),
            District = reader.IsDBNull(13) ? null : reader.GetString(13),
        };

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using SonLa.Monitor.Collector.Notifications;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// The alert engine's tables in the collector's state database: <c>alert_alerts</c> (one row per alert episode,
/// pending rows deleted when they cancel) and <c>alert_maintenance</c>. Times are Unix milliseconds (UTC).
/// Writes come from the engine's loop only; reads (the API) from any thread.
/// </summary>
public sealed partial class AlertStore
{
    private const string Columns =
        "id, rule, site, site_name, device, interface, state, severity, started_at, fired_at, resolved_at, " +
        "acknowledged_by, acknowledged_at, ack_comment, suppressed_by, cause_alert_id, flapping, in_maintenance, " +
        "message_vi, message_en, last_notified, last_notified_at, reminders";

    private readonly StateDatabase _database;

    public AlertStore(StateDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        database.EnsureSchema(
            """
            CREATE TABLE IF NOT EXISTS alert_alerts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                rule TEXT NOT NULL,
                site TEXT NOT NULL,
                site_name TEXT NOT NULL,
                device TEXT,
                interface TEXT,
                state TEXT NOT NULL,
                severity TEXT NOT NULL,
                started_at INTEGER NOT NULL,
                fired_at INTEGER,
                resolved_at INTEGER,
                acknowledged_by TEXT,
                acknowledged_at INTEGER,
                ack_comment TEXT,
                suppressed_by INTEGER,
                cause_alert_id INTEGER,
                flapping INTEGER NOT NULL DEFAULT 0,
                in_maintenance INTEGER NOT NULL DEFAULT 0,
                message_vi TEXT NOT NULL,
                message_en TEXT NOT NULL,
                last_notified TEXT,
                last_notified_at INTEGER,
                reminders INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX IF NOT EXISTS alert_alerts_active ON alert_alerts (state) WHERE state <> 'resolved'",
            "CREATE INDEX IF NOT EXISTS alert_alerts_site ON alert_alerts (site, id)",
            "CREATE TABLE IF NOT EXISTS alert_sites (site TEXT PRIMARY KEY, first_seen INTEGER NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS alert_maintenance (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                site TEXT NOT NULL,
                device TEXT,
                starts_at INTEGER NOT NULL,
                ends_at INTEGER NOT NULL,
                reason TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at INTEGER NOT NULL)
            """);
    }

    internal void Insert(ActiveAlert alert)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO alert_alerts (rule, site, site_name, device, interface, state, severity, started_at, message_vi, message_en) " +
            "VALUES ($rule, $site, $site_name, $device, $interface, $state, $severity, $started_at, $message_vi, $message_en) RETURNING id";
        command.Parameters.AddWithValue("$rule", alert.Key.Rule);
        command.Parameters.AddWithValue("$site", alert.Key.Site);
        command.Parameters.AddWithValue("$site_name", alert.SiteName);
        command.Parameters.AddWithValue("$device", (object?)alert.Key.Device ?? DBNull.Value);
        command.Parameters.AddWithValue("$interface", (object?)alert.Key.Interface ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", StateText(alert.State));
        command.Parameters.AddWithValue("$severity", SeverityText(alert.Severity));
        command.Parameters.AddWithValue("$started_at", alert.StartedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$message_vi", alert.MessageVi);
        command.Parameters.AddWithValue("$message_en", alert.MessageEn);
        alert.Id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal void Update(ActiveAlert alert)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE alert_alerts SET interface = $interface, state = $state, severity = $severity, started_at = $started_at, fired_at = $fired_at, " +
            "resolved_at = $resolved_at, acknowledged_by = $acknowledged_by, acknowledged_at = $acknowledged_at, " +
            "ack_comment = $ack_comment, suppressed_by = $suppressed_by, cause_alert_id = $cause_alert_id, flapping = $flapping, " +
            "in_maintenance = $in_maintenance, message_vi = $message_vi, message_en = $message_en, last_notified = $last_notified, " +
            "last_notified_at = $last_notified_at, reminders = $reminders WHERE id = $id";
        var p = command.Parameters;
        p.AddWithValue("$id", alert.Id);
        p.AddWithValue("$interface", (object?)alert.Key.Interface ?? DBNull.Value);
        p.AddWithValue("$state", StateText(alert.State));
        p.AddWithValue("$severity", SeverityText(alert.Severity));
        p.AddWithValue("$started_at", alert.StartedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$fired_at", Ms(alert.FiredAt));
        p.AddWithValue("$resolved_at", Ms(alert.ResolvedAt));
        p.AddWithValue("$acknowledged_by", (object?)alert.Acknowledged?.By ?? DBNull.Value);
        p.AddWithValue("$acknowledged_at", Ms(alert.Acknowledged?.At));
        p.AddWithValue("$ack_comment", (object?)alert.Acknowledged?.Comment ?? DBNull.Value);
        p.AddWithValue("$suppressed_by", (object?)alert.SuppressedBy ?? DBNull.Value);
        p.AddWithValue("$cause_alert_id", (object?)alert.CauseAlertId ?? DBNull.Value);
        p.AddWithValue("$flapping", alert.Flapping ? 1 : 0);
        p.AddWithValue("$in_maintenance", alert.InMaintenance ? 1 : 0);
        p.AddWithValue("$message_vi", alert.MessageVi);
        p.AddWithValue("$message_en", alert.MessageEn);
        p.AddWithValue("$last_notified", (object?)alert.LastNotified?.ToString() ?? DBNull.Value);
        p.AddWithValue("$last_notified_at", Ms(alert.LastNotifiedAt));
        p.AddWithValue("$reminders", alert.Reminders);
        command.ExecuteNonQuery();
    }

    /// <summary>A pending alert whose condition ended before its hold-down: it never was an alert.</summary>
    internal void Delete(long id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM alert_alerts WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    /// <summary>Remembers that a site's agent has connected at least once (it is watched for site_offline from every start on).</summary>
    internal void RememberSite(string site, DateTimeOffset at)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO alert_sites (site, first_seen) VALUES ($site, $at)";
        command.Parameters.AddWithValue("$site", site);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    internal List<string> KnownSites()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT site FROM alert_sites ORDER BY site";
        using var reader = command.ExecuteReader();
        var sites = new List<string>();
        while (reader.Read())
        {
            sites.Add(reader.GetString(0));
        }

        return sites;
    }

    /// <summary>Pending and firing alerts, as the engine holds them (at start).</summary>
    internal List<ActiveAlert> LoadActive()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alert_alerts WHERE state <> 'resolved' ORDER BY id";
        using var reader = command.ExecuteReader();
        var alerts = new List<ActiveAlert>();
        while (reader.Read())
        {
            alerts.Add(ReadActive(reader));
        }

        return alerts;
    }

    public IReadOnlyList<AlertRecord> List(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.ActiveOnly)
        {
            where.Add("state <> 'resolved'");
        }

        if (query.Site is { } site)
        {
            where.Add("site = $site");
            command.Parameters.AddWithValue("$site", site);
        }

        command.CommandText = $"SELECT {Columns} FROM alert_alerts" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, AlertQuery.MaxLimit));
        using var reader = command.ExecuteReader();
        var records = new List<AlertRecord>();
        while (reader.Read())
        {
            records.Add(ReadActive(reader).ToRecord());
        }

        return records;
    }

    public AlertRecord? Find(long id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alert_alerts WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadActive(reader).ToRecord() : null;
    }

    private static ActiveAlert ReadActive(SqliteDataReader r)
    {
        var alert = new ActiveAlert
        {
            Key = new AlertKey(r.GetString(1), r.GetString(2), NullableString(r, 4), NullableString(r, 5)),
            SiteName = r.GetString(3),
            Id = r.GetInt64(0),
            State = ParseState(r.GetString(6)),
            Severity = ParseSeverity(r.GetString(7)),
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
            FiredAt = NullableTime(r, 9),
            ResolvedAt = NullableTime(r, 10),
            SuppressedBy = r.IsDBNull(14) ? null : r.GetInt64(14),
            CauseAlertId = r.IsDBNull(15) ? null : r.GetInt64(15),
            Flapping = r.GetInt64(16) != 0,
            InMaintenance = r.GetInt64(17) != 0,
            MessageVi = r.GetString(18),
            MessageEn = r.GetString(19),
            LastNotified = r.IsDBNull(20) ? null : Enum.Parse<NotificationKind>(r.GetString(20)),
            LastNotifiedAt = NullableTime(r, 21),
            Reminders = (int)r.GetInt64(22),
        };
        if (!r.IsDBNull(11))
        {
            alert.Acknowledged = new AlertAcknowledgement(r.GetString(11), NullableTime(r, 12) ?? DateTimeOffset.UnixEpoch, NullableString(r, 13));
        }

        return alert;
    }

    internal static string StateText(AlertState state) => state switch
    {
        AlertState.Pending => "pending",
        AlertState.Firing => "firing",
        _ => "resolved",
    };

    internal static string SeverityText(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Critical => "critical",
        NotificationSeverity.Warning => "warning",
        _ => "info",
    };

    private static AlertState ParseState(string text) => text switch
    {
        "pending" => AlertState.Pending,
        "firing" => AlertState.Firing,
        _ => AlertState.Resolved,
    };

    private static NotificationSeverity ParseSeverity(string text) => text switch
    {
        "critical" => NotificationSeverity.Critical,
        "warning" => NotificationSeverity.Warning,
        _ => NotificationSeverity.Info,
    };

    private static object Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? NullableTime(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(i));
}

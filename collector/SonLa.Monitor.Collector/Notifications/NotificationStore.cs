using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using SonLa.Monitor.Collector.State;

namespace SonLa.Monitor.Collector.Notifications;

/// <summary>
/// The notify_* tables of the collector's SQLite state: notifications (the deduplication record), one delivery row per
/// routed channel recipient (state, attempts, next attempt time) and the delivery log (one row per attempt).
/// Times are Unix milliseconds.
/// </summary>
public sealed partial class NotificationStore : IDeliveryLog
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly StateDatabase _database;

    public NotificationStore(StateDatabase database)
    {
        _database = database;
        database.EnsureSchema(
            """
            CREATE TABLE IF NOT EXISTS notify_notification (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                site_id TEXT NOT NULL,
                occurred_at INTEGER NOT NULL,
                enqueued_at INTEGER NOT NULL,
                body TEXT NOT NULL)
            """,
            """
            CREATE TABLE IF NOT EXISTS notify_delivery (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                notification_id TEXT NOT NULL REFERENCES notify_notification(id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                recipient TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                next_attempt_at INTEGER,
                last_attempt_at INTEGER,
                finished_at INTEGER,
                last_status INTEGER,
                last_error TEXT,
                UNIQUE (notification_id, channel, recipient))
            """,
            "CREATE INDEX IF NOT EXISTS notify_delivery_due ON notify_delivery (state, next_attempt_at)",
            """
            CREATE TABLE IF NOT EXISTS notify_attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                delivery_id INTEGER NOT NULL,
                notification_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                recipient TEXT NOT NULL,
                at INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                status INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS notify_attempt_notification ON notify_attempt (notification_id, id)");
    }

    /// <summary>
    /// Records the notification and one pending delivery per target in one transaction. False (and nothing written)
    /// when the Id is already known: that is the deduplication, and it holds across restarts.
    /// </summary>
    public bool Add(Notification notification, IReadOnlyList<(string Channel, string Recipient)> targets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(targets);
        var at = now.ToUnixTimeMilliseconds();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR IGNORE INTO notify_notification (id, kind, rule, severity, site_id, occurred_at, enqueued_at, body)
                VALUES ($id, $kind, $rule, $severity, $site, $occurred, $at, $body)
                """;
            insert.Parameters.AddWithValue("$id", notification.Id);
            insert.Parameters.AddWithValue("$kind", notification.Kind.ToString());
            insert.Parameters.AddWithValue("$rule", notification.Rule);
            insert.Parameters.AddWithValue("$severity", notification.Severity.ToString());
            insert.Parameters.AddWithValue("$site", notification.SiteId);
            insert.Parameters.AddWithValue("$occurred", notification.OccurredAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$at", at);
            insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(notification, Json));
            if (insert.ExecuteNonQuery() == 0)
            {
                return false;
            }
        }

        foreach (var (channel, recipient) in targets)
        {
            using var delivery = connection.CreateCommand();
            delivery.Transaction = transaction;
            delivery.CommandText = """
                INSERT OR IGNORE INTO notify_delivery (notification_id, channel, recipient, state, created_at, next_attempt_at)
                VALUES ($id, $channel, $recipient, 'pending', $at, $at)
                """;
            delivery.Parameters.AddWithValue("$id", notification.Id);
            delivery.Parameters.AddWithValue("$channel", channel);
            delivery.Parameters.AddWithValue("$recipient", recipient);
            delivery.Parameters.AddWithValue("$at", at);
            delivery.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Pending deliveries due at <paramref name="now"/>, oldest first, skipping those in flight.</summary>
    internal List<PendingDelivery> Due(DateTimeOffset now, int max, IReadOnlyCollection<long> inFlight)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.id, d.notification_id, d.channel, d.recipient, d.attempts, d.created_at, n.body
            FROM notify_delivery d JOIN notify_notification n ON n.id = d.notification_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= $now
            ORDER BY d.next_attempt_at, d.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", max + inFlight.Count);
        var due = new List<PendingDelivery>();
        using var reader = command.ExecuteReader();
        while (reader.Read() && due.Count < max)
        {
            var id = reader.GetInt64(0);
            if (inFlight.Contains(id))
            {
                continue;
            }

            due.Add(new PendingDelivery(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), Deserialize(reader.GetString(6))));
        }

        return due;
    }

    /// <summary>When the next pending delivery not in flight is due, or null when none is pending.</summary>
    internal DateTimeOffset? NextDue(IReadOnlyCollection<long> inFlight)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, next_attempt_at FROM notify_delivery WHERE state = 'pending'
            ORDER BY next_attempt_at, id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", inFlight.Count + 1);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!inFlight.Contains(reader.GetInt64(0)))
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            }
        }

        return null;
    }

    /// <summary>Logs one attempt and moves its delivery on (next attempt time, or a final state) in one transaction.</summary>
    internal void Record(PendingDelivery delivery, DeliveryAttempt attempt, string state, DateTimeOffset? nextAttemptAt)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var log = connection.CreateCommand())
        {
            log.Transaction = transaction;
            log.CommandText = """
                INSERT INTO notify_attempt (delivery_id, notification_id, channel, recipient, at, outcome, status, error, duration_ms)
                VALUES ($delivery, $notification, $channel, $recipient, $at, $outcome, $status, $error, $duration)
                """;
            log.Parameters.AddWithValue("$delivery", delivery.DeliveryId);
            log.Parameters.AddWithValue("$notification", delivery.NotificationId);
            log.Parameters.AddWithValue("$channel", delivery.Channel);
            log.Parameters.AddWithValue("$recipient", delivery.Recipient);
            log.Parameters.AddWithValue("$at", attempt.At.ToUnixTimeMilliseconds());
            log.Parameters.AddWithValue("$outcome", attempt.Outcome);
            log.Parameters.AddWithValue("$status", (object?)attempt.Status ?? DBNull.Value);
            log.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
            log.Parameters.AddWithValue("$duration", attempt.DurationMs);
            log.ExecuteNonQuery();
        }

        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE notify_delivery SET state = $state, attempts = attempts + 1, last_attempt_at = $at,
                    next_attempt_at = $next, finished_at = $finished, last_status = $status, last_error = $error
                WHERE id = $id
                """;
            update.Parameters.AddWithValue("$id", delivery.DeliveryId);
            update.Parameters.AddWithValue("$state", state);
            update.Parameters.AddWithValue("$at", attempt.At.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$next", (object?)nextAttemptAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            update.Parameters.AddWithValue("$finished", state == DeliveryState.Pending ? DBNull.Value : attempt.At.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$status", (object?)attempt.Status ?? DBNull.Value);
            update.Parameters.AddWithValue("$error", (object?)attempt.Error ?? DBNull.Value);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Gives up, without an attempt, a delivery that cannot be attempted (channel gone, stored copy unreadable).</summary>
    internal void Abandon(long deliveryId, string reason, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE notify_delivery SET state = 'given_up', next_attempt_at = NULL, finished_at = $at, last_error = $error
            WHERE id = $id AND state = 'pending'
            """;
        command.Parameters.AddWithValue("$id", deliveryId);
        command.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", reason);
        command.ExecuteNonQuery();
    }

    private static Notification? Deserialize(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<Notification>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

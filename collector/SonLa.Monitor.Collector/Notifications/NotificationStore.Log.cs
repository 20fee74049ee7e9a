using Microsoft.Data.Sqlite;

namespace SonLa.Monitor.Collector.Notifications;

// The read side (delivery log for the API/UI) and the pruning that keeps the tables bounded.
public sealed partial class NotificationStore
{
    public IReadOnlyList<DeliveryStatus> Deliveries(string notificationId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, notification_id, channel, recipient, state, attempts, created_at, last_attempt_at, next_attempt_at,
                   finished_at, last_status, last_error
            FROM notify_delivery WHERE notification_id = $id ORDER BY id
            """;
        command.Parameters.AddWithValue("$id", notificationId);
        var result = new List<DeliveryStatus>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DeliveryStatus(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), Time(reader, 6)!.Value, Time(reader, 7), Time(reader, 8), Time(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetString(11)));
        }

        return result;
    }

    public IReadOnlyList<DeliveryAttempt> Attempts(string notificationId, int max = 50) =>
        ReadAttempts("WHERE notification_id = $id", notificationId, max);

    public IReadOnlyList<DeliveryAttempt> RecentAttempts(int max = 100) => ReadAttempts("", null, max);

    /// <summary>Pending deliveries now (for /metrics).</summary>
    public long PendingCount()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notify_delivery WHERE state = 'pending'";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Deletes notifications older than the retention whose deliveries are all finished (their ids may then come again),
    /// attempts older than the retention, and the oldest attempts beyond <paramref name="maxAttempts"/>.
    /// </summary>
    public (int Notifications, int Attempts) Prune(DateTimeOffset now, TimeSpan retention, int maxAttempts)
    {
        var before = (now - retention).ToUnixTimeMilliseconds();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        int notifications;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM notify_notification
                WHERE enqueued_at < $before
                  AND NOT EXISTS (SELECT 1 FROM notify_delivery d WHERE d.notification_id = notify_notification.id AND d.state = 'pending')
                """;
            command.Parameters.AddWithValue("$before", before);
            notifications = command.ExecuteNonQuery();
        }

        int attempts;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                DELETE FROM notify_attempt
                WHERE at < $before OR id <= (SELECT id FROM notify_attempt ORDER BY id DESC LIMIT 1 OFFSET $keep)
                """;
            command.Parameters.AddWithValue("$before", before);
            command.Parameters.AddWithValue("$keep", maxAttempts);
            attempts = command.ExecuteNonQuery();
        }

        transaction.Commit();
        return (notifications, attempts);
    }

    private List<DeliveryAttempt> ReadAttempts(string where, string? notificationId, int max)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT delivery_id, notification_id, channel, recipient, at, outcome, status, error, duration_ms
            FROM notify_attempt {where} ORDER BY id DESC LIMIT $max
            """;
        if (notificationId is not null)
        {
            command.Parameters.AddWithValue("$id", notificationId);
        }

        command.Parameters.AddWithValue("$max", Math.Clamp(max, 1, 10_000));
        var result = new List<DeliveryAttempt>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DeliveryAttempt(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Time(reader, 4)!.Value, reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt64(8)));
        }

        return result;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SonLa.Monitor.Collector.Alerts;

public sealed partial class AlertStore
{
    internal MaintenanceWindow InsertMaintenance(MaintenanceRequest request, DateTimeOffset createdAt)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO alert_maintenance (site, device, starts_at, ends_at, reason, created_by, created_at) " +
            "VALUES ($site, $device, $starts_at, $ends_at, $reason, $created_by, $created_at) RETURNING id";
        command.Parameters.AddWithValue("$site", request.Site);
        command.Parameters.AddWithValue("$device", (object?)request.Device ?? DBNull.Value);
        command.Parameters.AddWithValue("$starts_at", request.StartsAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$ends_at", request.EndsAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$reason", request.Reason);
        command.Parameters.AddWithValue("$created_by", request.CreatedBy);
        command.Parameters.AddWithValue("$created_at", createdAt.ToUnixTimeMilliseconds());
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new MaintenanceWindow
        {
            Id = id,
            Site = request.Site,
            Device = request.Device,
            StartsAt = FromMs(request.StartsAt.ToUnixTimeMilliseconds()),
            EndsAt = FromMs(request.EndsAt.ToUnixTimeMilliseconds()),
            Reason = request.Reason,
            CreatedBy = request.CreatedBy,
            CreatedAt = FromMs(createdAt.ToUnixTimeMilliseconds()),
        };
    }

    internal bool DeleteMaintenance(long id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM alert_maintenance WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Windows not ended at <paramref name="now"/> (all when null), by start.</summary>
    public IReadOnlyList<MaintenanceWindow> ListMaintenance(DateTimeOffset? now)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, site, device, starts_at, ends_at, reason, created_by, created_at FROM alert_maintenance" +
            (now is null ? "" : " WHERE ends_at > $now") + " ORDER BY starts_at, id";
        if (now is { } n)
        {
            command.Parameters.AddWithValue("$now", n.ToUnixTimeMilliseconds());
        }

        using var reader = command.ExecuteReader();
        var windows = new List<MaintenanceWindow>();
        while (reader.Read())
        {
            windows.Add(ReadWindow(reader));
        }

        return windows;
    }

    private static MaintenanceWindow ReadWindow(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Site = r.GetString(1),
        Device = r.IsDBNull(2) ? null : r.GetString(2),
        StartsAt = FromMs(r.GetInt64(3)),
        EndsAt = FromMs(r.GetInt64(4)),
        Reason = r.GetString(5),
        CreatedBy = r.GetString(6),
        CreatedAt = FromMs(r.GetInt64(7)),
    };

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}

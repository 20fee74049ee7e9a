namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The zone notification texts show times in (Vietnam: UTC+7, no daylight saving).</summary>
public static class AlertTimeZone
{
    public static TimeZoneInfo? TryFind(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The configured zone, or a fixed UTC+7 where the machine has no time zone data.</summary>
    public static TimeZoneInfo Resolve(string? id) =>
        TryFind(id) ?? TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");
}

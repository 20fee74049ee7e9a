namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The window added, or why it was refused (one line naming the field).</summary>
public sealed record MaintenanceResult(MaintenanceWindow? Window, string? Error)
{
    public bool Ok => Window is not null;
}

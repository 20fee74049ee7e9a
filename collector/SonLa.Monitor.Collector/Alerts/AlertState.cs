namespace SonLa.Monitor.Collector.Alerts;

/// <summary>An alert's life: pending (condition true, hold-down running) → firing → resolved.</summary>
public enum AlertState
{
    Pending,
    Firing,
    Resolved,
}

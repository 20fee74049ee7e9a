namespace SonLa.Monitor.Collector.Notifications;

public enum NotificationSeverity
{
    Info,
    Warning,
    Critical,
}

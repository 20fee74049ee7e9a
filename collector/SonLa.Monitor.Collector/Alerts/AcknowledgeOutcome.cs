namespace SonLa.Monitor.Collector.Alerts;

public enum AcknowledgeOutcome
{
    Ok,
    NotFound,
    AlreadyResolved,
}

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>The outcome, and the alert as it is now (null when not found).</summary>
public sealed record AcknowledgeResult(AcknowledgeOutcome Outcome, AlertRecord? Alert);

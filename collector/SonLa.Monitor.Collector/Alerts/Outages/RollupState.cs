namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>The last roll-up sent: how many sites were dark then, and when.</summary>
public sealed record RollupState(int Sites, DateTimeOffset SentAt);

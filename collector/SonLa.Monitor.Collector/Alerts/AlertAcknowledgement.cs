namespace SonLa.Monitor.Collector.Alerts;

public sealed record AlertAcknowledgement(string By, DateTimeOffset At, string? Comment);

namespace SonLa.Monitor.Collector.Api;

public sealed record AcknowledgementView(string By, DateTimeOffset At, string? Comment);

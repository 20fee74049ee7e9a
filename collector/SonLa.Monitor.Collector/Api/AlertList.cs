namespace SonLa.Monitor.Collector.Api;

public sealed record AlertList(IReadOnlyList<AlertView> Alerts);

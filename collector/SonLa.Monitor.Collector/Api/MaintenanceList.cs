namespace SonLa.Monitor.Collector.Api;

public sealed record MaintenanceList(IReadOnlyList<MaintenanceView> Windows);

namespace SonLa.Monitor.Collector.Alerts.Text;

/// <summary>One text in Vietnamese and English.</summary>
public readonly record struct AlertText(string Vi, string En);

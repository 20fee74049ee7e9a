namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>An agent event as the timeline needs it (kind as the agent names it: link_down, power_lost, reboot...).</summary>
public sealed record EventObservation(long TimeNs, string Kind, string Device, string IfIndex, string Message);

namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>One hrSystemUptime value served to a poller: its whole seconds and when snmpd served it.</summary>
public readonly record struct ServedMarker(long Seconds, DateTimeOffset ServedAt);

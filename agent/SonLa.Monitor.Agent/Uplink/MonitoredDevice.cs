namespace SonLa.Monitor.Agent.Uplink;

/// <summary>A device as the collector is told of it in Hello: no credentials, only what identifies it.</summary>
public sealed record MonitoredDevice(string Name, string Role, string Host);

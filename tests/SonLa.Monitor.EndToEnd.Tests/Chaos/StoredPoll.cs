namespace SonLa.Monitor.EndToEnd.Tests.Chaos;

/// <summary>One <c>device</c> point as InfluxDB holds it: its timestamp, <c>uptime_s</c> (the marker) and reachability.</summary>
public readonly record struct StoredPoll(DateTimeOffset Time, long? UptimeSeconds, bool Reachable);

namespace SonLa.Monitor.Collector.Sites;

/// <summary>How many sites are in each status.</summary>
public sealed record SiteCounts(int Ok, int Degraded, int Down, int Unknown);

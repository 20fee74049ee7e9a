namespace SonLa.Monitor.Protocol.Compact;

/// <summary>One series of a decoded compact batch: its measurement and tags, shared by all of its points.</summary>
public sealed record CompactSeries(string Measurement, KeyValuePair<string, string>[] Tags);

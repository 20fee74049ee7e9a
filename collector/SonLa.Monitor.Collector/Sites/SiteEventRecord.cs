namespace SonLa.Monitor.Collector.Sites;

/// <summary>One recent event of a site, as kept in memory (the same event resent by the agent is one event).</summary>
internal readonly record struct SiteEventRecord(long Ns, string? Device, string Kind, string? IfIndex, string? Message);

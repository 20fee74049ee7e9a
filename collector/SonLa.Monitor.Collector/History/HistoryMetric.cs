namespace SonLa.Monitor.Collector.History;

/// <summary>The metrics the history endpoints know.</summary>
public static class HistoryMetric
{
    /// <summary>in_bps and out_bps of one interface (needs device and if_index).</summary>
    public const string Traffic = "traffic";

    /// <summary>response_ms per device and rtt_ms per ping target.</summary>
    public const string Latency = "latency";

    public static bool IsKnown(string? metric) => metric is Traffic or Latency;
}

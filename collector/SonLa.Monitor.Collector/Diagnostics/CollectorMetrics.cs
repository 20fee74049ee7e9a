using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.Diagnostics;

/// <summary>Counters for <c>GET /metrics</c>, in the Prometheus text format.</summary>
public sealed class CollectorMetrics
{
    private long _batchesReceived;
    private long _batchesStored;
    private long _batchesRejected;
    private long _batchesUnstored;
    private long _pointsWritten;
    private long _pointsInvalid;
    private long _influxWriteFailures;
    private long _authFailures;
    private long _oversizeMessages;
    private long _malformedMessages;
    private long _connectedAgents;

    public long BatchesReceived => Interlocked.Read(ref _batchesReceived);

    public long BatchesStored => Interlocked.Read(ref _batchesStored);

    public long BatchesRejected => Interlocked.Read(ref _batchesRejected);

    public long PointsWritten => Interlocked.Read(ref _pointsWritten);

    public long PointsInvalid => Interlocked.Read(ref _pointsInvalid);

    public long InfluxWriteFailures => Interlocked.Read(ref _influxWriteFailures);

    public long OversizeMessages => Interlocked.Read(ref _oversizeMessages);

    public long ConnectedAgents => Interlocked.Read(ref _connectedAgents);

    public void BatchReceived() => Interlocked.Increment(ref _batchesReceived);

    public void BatchStored(int points)
    {
        Interlocked.Increment(ref _batchesStored);
        Interlocked.Add(ref _pointsWritten, points);
    }

    /// <summary>Points of a batch that was then rejected for its other, invalid points.</summary>
    public void PointsStored(int points) => Interlocked.Add(ref _pointsWritten, points);

    public void BatchRejected() => Interlocked.Increment(ref _batchesRejected);

    public void BatchUnstored() => Interlocked.Increment(ref _batchesUnstored);

    public void PointsRejected(int points) => Interlocked.Add(ref _pointsInvalid, points);

    public void InfluxWriteFailed() => Interlocked.Increment(ref _influxWriteFailures);

    public void AuthenticationFailed() => Interlocked.Increment(ref _authFailures);

    public void OversizeMessage() => Interlocked.Increment(ref _oversizeMessages);

    public void MalformedMessage() => Interlocked.Increment(ref _malformedMessages);

    public long MalformedMessages => Interlocked.Read(ref _malformedMessages);

    public void AgentConnected() => Interlocked.Increment(ref _connectedAgents);

    public void AgentDisconnected() => Interlocked.Decrement(ref _connectedAgents);

    public string Render(bool influxReachable)
    {
        var text = new StringBuilder(2048);
        Counter(text, "sonla_collector_batches_received_total", "Sample batches received from agents.", BatchesReceived);
        Counter(text, "sonla_collector_batches_stored_total", "Batches written to InfluxDB and acknowledged.", BatchesStored);
        Counter(text, "sonla_collector_batches_rejected_total", "Batches answered with BatchReject (invalid points or refused by InfluxDB).", BatchesRejected);
        Counter(text, "sonla_collector_batches_unstored_total", "Batches not acknowledged because InfluxDB was unavailable (the agent resends).", Interlocked.Read(ref _batchesUnstored));
        Counter(text, "sonla_collector_points_written_total", "Points written to InfluxDB.", PointsWritten);
        Counter(text, "sonla_collector_points_invalid_total", "Points dropped as invalid (by the collector or refused by InfluxDB).", PointsInvalid);
        Counter(text, "sonla_collector_influx_write_failures_total", "InfluxDB writes that failed (unreachable, 5xx, timeout, refused).", InfluxWriteFailures);
        Counter(text, "sonla_collector_agent_auth_failures_total", "Agent streams refused (bad token, wrong site).", Interlocked.Read(ref _authFailures));
        Counter(text, "sonla_collector_oversize_messages_total", "Agent messages over Ingest:MaxMessageBytes.", OversizeMessages);
        Counter(text, "sonla_collector_malformed_messages_total", "Agent messages that could not be decompressed or decoded (stream ended).", MalformedMessages);
        Gauge(text, "sonla_collector_connected_agents", "Agent streams open now.", ConnectedAgents);
        Gauge(text, "sonla_collector_influx_up", "1 when the last InfluxDB write succeeded (or none was tried yet).", influxReachable ? 1 : 0);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, long value) => Write(text, name, help, "counter", value);

    private static void Gauge(StringBuilder text, string name, string help, long value) => Write(text, name, help, "gauge", value);

    private static void Write(StringBuilder text, string name, string help, string type, long value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Told of every batch once it is stored in InfluxDB, before the agent's ack is sent (the alert
/// engine of issue 5 subscribes here). Register with
/// <c>services.AddSingleton&lt;IBatchObserver, MyObserver&gt;()</c>; any number may be registered.
/// Called on the stream's answer path, concurrently for different agents and in store order
/// (not sequence order) for one agent: return quickly — hand the batch to your own queue — and do not
/// throw (an exception is logged and ignored; it never costs the agent its ack). A batch resent by
/// the agent (lost ack) is seen again: observers must tolerate duplicates (see <see cref="IngestedBatch.Sequence"/>).
/// </summary>
public interface IBatchObserver
{
    void OnBatchStored(IngestedBatch batch);
}

using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>An <see cref="IBatchObserver"/> that keeps what it is told, as the alert engine would subscribe.</summary>
internal sealed class RecordingObserver : IBatchObserver
{
    private readonly List<IngestedBatch> _batches = [];

    public IReadOnlyList<IngestedBatch> Batches
    {
        get
        {
            lock (_batches)
            {
                return _batches.ToList();
            }
        }
    }

    public void OnBatchStored(IngestedBatch batch)
    {
        lock (_batches)
        {
            _batches.Add(batch);
        }
    }
}

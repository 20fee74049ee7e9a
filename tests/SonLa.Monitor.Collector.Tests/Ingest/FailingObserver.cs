using SonLa.Monitor.Collector.Ingest;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>An observer with a bug: it must not cost any agent its ack.</summary>
internal sealed class FailingObserver : IBatchObserver
{
    public void OnBatchStored(IngestedBatch batch) => throw new InvalidOperationException("observer bug (test)");
}

using SonLa.Monitor.Collector.Ingest;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Collector.Alerts;

/// <summary>What the engine's loop takes, one at a time, in arrival order.</summary>
internal abstract record AlertInput
{
    public sealed record Batch(IngestedBatch Value) : AlertInput;

    public sealed record Connected(string SiteId, Hello Hello, DateTimeOffset At) : AlertInput;

    public sealed record Activity(string SiteId, DateTimeOffset At) : AlertInput;

    public sealed record Disconnected(string SiteId, DateTimeOffset At) : AlertInput;

    public sealed record Tick : AlertInput;

    /// <summary>Work that must run on the loop (acknowledge, windows), answered through its task.</summary>
    public sealed record Command(Action<AlertEvaluator> Run, TaskCompletionSource Done) : AlertInput;
}

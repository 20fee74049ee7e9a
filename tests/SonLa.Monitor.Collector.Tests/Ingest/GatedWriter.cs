using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Ingest;

/// <summary>
/// The metric-writer seam held by the test: every write waits until the test opens it, and the
/// test decides what InfluxDB "answers". Used where the order of events must be exact (which
/// batches merge, when the queue is full); the same paths run against real influxd elsewhere.
/// </summary>
internal sealed class GatedWriter : IMetricWriter
{
    private readonly object _lock = new();
    private readonly List<Write> _writes = [];
    private readonly SemaphoreSlim _started = new(0);

    public string Target => "gated test writer";

    /// <summary>Writes whose body contains this text are refused (HTTP 400), as InfluxDB refuses a field type conflict.</summary>
    public string? RefuseContaining { get; set; }

    /// <summary>When set, every write fails as InfluxDB being down.</summary>
    public bool Unavailable { get; set; }

    /// <summary>When set, writes complete at once instead of waiting for <see cref="Open"/>.</summary>
    public bool Open { get; set; }

    public IReadOnlyList<Write> Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes.ToList();
            }
        }
    }

    public int MaxConcurrent { get; private set; }

    private int _running;

    public Task WriteAsync(IReadOnlyList<LinePoint> points, CancellationToken cancellationToken) =>
        WriteAsync(LineBatch.From(points), cancellationToken);

    public async Task WriteAsync(LineBatch lines, CancellationToken cancellationToken)
    {
        var write = new Write(lines.ToText(), lines.Points);
        lock (_lock)
        {
            _writes.Add(write);
            _running++;
            MaxConcurrent = Math.Max(MaxConcurrent, _running);
        }

        _started.Release();
        try
        {
            if (!Open)
            {
                await write.Gate.Task.WaitAsync(cancellationToken);
            }

            if (Unavailable)
            {
                throw new StorageUnavailableException("connection refused (test)", TimeSpan.FromSeconds(7));
            }

            if (RefuseContaining is { } bad && write.Body.Contains(bad, StringComparison.Ordinal))
            {
                throw new StorageRejectedException("HTTP 400: partial write: field type conflict (test) dropped=1", true, 1);
            }
        }
        finally
        {
            lock (_lock)
            {
                _running--;
            }
        }
    }

    public Task ProbeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits until <paramref name="count"/> writes have started in all.</summary>
    public async Task WaitForWritesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Writes.Count < count)
        {
            await _started.WaitAsync(timeout.Token);
        }
    }

    internal sealed class Write(string body, int points)
    {
        public string Body { get; } = body;

        public int Points { get; } = points;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Gate.TrySetResult();
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Options;
using SonLa.Monitor.Collector.Configuration;
using SonLa.Monitor.Collector.Diagnostics;
using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// The write stage between agent streams and InfluxDB. Batches of every stream go into one queue;
/// whenever a write slot is free (<see cref="IngestOptions.MaxWritesInFlight"/>), everything queued,
/// up to <see cref="IngestOptions.WriteMaxPoints"/> / <see cref="IngestOptions.WriteMaxBytes"/>,
/// goes out as one InfluxDB write. There is no linger timer: an idle collector writes a lone batch
/// at once, and batches only merge while the slots are busy, which is exactly when merging pays.
/// </summary>
/// <remarks>
/// Memory: the line-protocol buffers held (queued plus being written; see <see cref="LineBatch.HeldBytes"/>) never exceed
/// <see cref="IngestOptions.QueueMaxBytes"/>, except for one batch larger than the bound, admitted
/// alone when nothing else is held. <see cref="EnqueueAsync"/> waits for room, so a stream that
/// cannot enqueue stops reading its agent (HTTP/2 flow control then stops the agent).
/// A merged write that InfluxDB refuses (HTTP 400) is split in halves and retried until the refused
/// batches are found, so one agent's bad batch never gets another agent's good batch rejected.
/// </remarks>
public sealed class WriteCoalescer : BackgroundService
{
    private readonly IMetricWriter _writer;
    private readonly StorageHealth _health;
    private readonly CollectorMetrics _metrics;
    private readonly IngestOptions _options;
    private readonly object _lock = new();
    private readonly Queue<PendingWrite> _queue = new();
    private readonly SemaphoreSlim _admission = new(1, 1);
    private readonly SemaphoreSlim _slots;
    private TaskCompletionSource _roomFreed = NewSignal();
    private TaskCompletionSource _workArrived = NewSignal();
    private long _heldBytes;
    private long _heldBatches;
    private long _highWaterBytes;
    private long _writes;
    private long _batchesWritten;
    private long _pointsWritten;
    private long _splitRetries;
    private long _waitingForRoom;
    private long _roomWaits;
    private long _writeTicks;
    private int _inFlight;
    private bool _stopped;

    public WriteCoalescer(IMetricWriter writer, StorageHealth health, CollectorMetrics metrics, IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _writer = writer;
        _health = health;
        _metrics = metrics;
        _options = options.Value;
        _slots = new SemaphoreSlim(_options.MaxWritesInFlight, _options.MaxWritesInFlight);
    }

    public WriteStageStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new WriteStageStatistics(_writes, _batchesWritten, _pointsWritten, _splitRetries, _heldBytes, _heldBatches,
                    _highWaterBytes, _options.QueueMaxBytes, Volatile.Read(ref _inFlight), Interlocked.Read(ref _waitingForRoom), _roomWaits,
                    TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks)));
            }
        }
    }

    /// <summary>
    /// Admits <paramref name="lines"/> once there is room for it (waiting, in arrival order, while the
    /// stage is full) and returns at once after that; the returned write completes when InfluxDB
    /// answered the write that carried it. Cancelling gives up waiting for room only.
    /// </summary>
    public async Task<PendingWrite> EnqueueAsync(LineBatch lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var pending = new PendingWrite(lines);
        Interlocked.Increment(ref _waitingForRoom);
        try
        {
            await _admission.WaitAsync(cancellationToken);
            try
            {
                while (true)
                {
                    Task room;
                    lock (_lock)
                    {
                        if (_stopped)
                        {
                            pending.Complete(new WriteResult(null, new StorageUnavailableException("collector stopping")));
                            return pending;
                        }

                        if (_heldBatches == 0 || _heldBytes + lines.HeldBytes <= _options.QueueMaxBytes)
                        {
                            _queue.Enqueue(pending);
                            _heldBatches++;
                            _heldBytes += lines.HeldBytes;
                            _highWaterBytes = Math.Max(_highWaterBytes, _heldBytes);
                            _workArrived.TrySetResult();
                            return pending;
                        }

                        room = _roomFreed.Task;
                        _roomWaits++;
                    }

                    await room.WaitAsync(cancellationToken);
                }
            }
            finally
            {
                _admission.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waitingForRoom);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writes = new HashSet<Task>();
        try
        {
            while (true)
            {
                await _slots.WaitAsync(stoppingToken);
                var group = await NextGroupAsync(stoppingToken);
                Interlocked.Increment(ref _inFlight);
                var write = WriteGroupAsync(group, stoppingToken);
                lock (writes)
                {
                    writes.Add(write);
                }

                _ = write.ContinueWith(t =>
                {
                    lock (writes)
                    {
                        writes.Remove(t);
                    }
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is answered "unavailable" below; the agents resend it.
        }

        Task[] running;
        lock (writes)
        {
            running = writes.ToArray();
        }

        await Task.WhenAll(running);
        List<PendingWrite> left;
        lock (_lock)
        {
            _stopped = true;
            left = [.. _queue];
            _queue.Clear();
        }

        Complete(left, new WriteResult(null, new StorageUnavailableException("collector stopping")));
        Release(left);
    }

    private async Task<List<PendingWrite>> NextGroupAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            Task work;
            lock (_lock)
            {
                if (_queue.Count > 0)
                {
                    return TakeGroup();
                }

                if (_workArrived.Task.IsCompleted)
                {
                    _workArrived = NewSignal();
                }

                work = _workArrived.Task;
            }

            await work.WaitAsync(stoppingToken);
        }
    }

    // Under _lock: the oldest batches, as many as fit one write (at least one).
    private List<PendingWrite> TakeGroup()
    {
        var group = new List<PendingWrite> { _queue.Dequeue() };
        var points = group[0].Lines.Points;
        var bytes = group[0].Lines.Bytes;
        while (_queue.TryPeek(out var next)
               && points + next.Lines.Points <= _options.WriteMaxPoints
               && bytes + 1 + next.Lines.Bytes <= _options.WriteMaxBytes)
        {
            group.Add(_queue.Dequeue());
            points += next.Lines.Points;
            bytes += 1 + next.Lines.Bytes;
        }

        return group;
    }

    private async Task WriteGroupAsync(List<PendingWrite> group, CancellationToken stoppingToken)
    {
        // Off the loop's thread: formatting the request and the write itself run while the loop picks the next group.
        await Task.Yield();
        try
        {
            await WriteOrSplitAsync(group, stoppingToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Cancelled by shutdown, or a writer bug: the batches are not known to be stored; the agents resend.
            Complete(group, new WriteResult(null, new StorageUnavailableException(
                stoppingToken.IsCancellationRequested ? "collector stopping" : "write failed: " + ex.Message, null, ex)));
        }
        finally
        {
            Release(group);
            Interlocked.Decrement(ref _inFlight);
            _slots.Release();
        }
    }

    private async Task WriteOrSplitAsync(List<PendingWrite> group, CancellationToken stoppingToken)
    {
        var lines = LineBatch.Concat(group.Select(p => p.Lines).ToList());
        var started = Stopwatch.GetTimestamp();
        try
        {
            Interlocked.Increment(ref _writes);
            await _writer.WriteAsync(lines, stoppingToken);
        }
        catch (StorageUnavailableException ex)
        {
            Interlocked.Add(ref _writeTicks, Stopwatch.GetElapsedTime(started).Ticks);
            _metrics.InfluxWriteFailed();
            _health.ReportFailure(_writer.Target, ex.Message, ex.RetryAfter);
            Complete(group, new WriteResult(null, ex));
            return;
        }
        catch (StorageRejectedException ex)
        {
            // InfluxDB answered, so it is reachable; it refused something in this write.
            Interlocked.Add(ref _writeTicks, Stopwatch.GetElapsedTime(started).Ticks);
            _health.ReportSuccess(_writer.Target);
            _metrics.InfluxWriteFailed();
            if (group.Count == 1)
            {
                Complete(group, new WriteResult(ex, null));
                return;
            }

            // Rewrites are idempotent (same series and time overwrite), so the halves may be sent again
            // even where InfluxDB stored part of the merged write.
            Interlocked.Increment(ref _splitRetries);
            var half = group.Count / 2;
            await WriteOrSplitAsync(group[..half], stoppingToken);
            await WriteOrSplitAsync(group[half..], stoppingToken);
            return;
        }

        Interlocked.Add(ref _writeTicks, Stopwatch.GetElapsedTime(started).Ticks);
        _health.ReportSuccess(_writer.Target);
        Interlocked.Add(ref _batchesWritten, group.Count);
        Interlocked.Add(ref _pointsWritten, lines.Points);
        Complete(group, WriteResult.Stored);
    }

    private static void Complete(List<PendingWrite> group, WriteResult result)
    {
        foreach (var pending in group)
        {
            pending.Complete(result);
        }
    }

    private void Release(List<PendingWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        TaskCompletionSource freed;
        lock (_lock)
        {
            foreach (var pending in group)
            {
                _heldBytes -= pending.Lines.HeldBytes;
                _heldBatches--;
            }

            freed = _roomFreed;
            _roomFreed = NewSignal();
        }

        freed.TrySetResult();
        // Written (or given up on) for good: the agents are answered from the results, not from the lines.
        foreach (var pending in group)
        {
            pending.Lines.Release();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Dispose()
    {
        _admission.Dispose();
        _slots.Dispose();
        base.Dispose();
    }
}

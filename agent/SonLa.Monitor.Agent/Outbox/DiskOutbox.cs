using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// The durable <see cref="IOutbox"/>: a segmented append-only log of checksummed records in one folder. Every
/// <see cref="Append"/> is written to the OS before it returns (it survives kill -9); files are flushed to the disk at
/// most <see cref="SyncDelay"/> later (a power cut tears at most that tail, which the next start cuts off). Only a
/// small index per record stays in memory. A record is done once acknowledged or rejected, which is persisted, so a
/// restart does not resend it; a segment file goes when all its records are done. Over the quota the oldest data is
/// thinned, then dropped, never the newest, and every loss is counted in <see cref="Statistics"/> and logged.
/// </summary>
public sealed partial class DiskOutbox : IOutbox, IDisposable
{
    /// <summary>How long a written record may wait for fsync.</summary>
    public static readonly TimeSpan SyncDelay = TimeSpan.FromSeconds(1);

    /// <summary>Segments roll at this size (or an eighth of a small quota, so thinning and dropping stay fine-grained).</summary>
    public const long DefaultSegmentBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan LossLogInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly List<OutboxSegment> _segments = [];
    private readonly long _maxBytes;
    private readonly int _maxBatches;
    private readonly long _segmentBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _syncTimer;
    private OutboxSegment? _active;
    private long _nextSegmentId = 1;
    private long _nextPosition = 1;
    private long _fileBytes;
    private int _pendingBatches;
    private long _pendingBytes;
    private long _dropped;
    private long _droppedPoints;
    private long _thinnedPoints;
    private long _corruptRecords;
    private long _corruptBytes;
    private long _rejected;
    private long _acknowledged;
    private bool _syncArmed;
    private bool _lossUnlogged;
    private bool _disposed;
    private DateTimeOffset _lastLossLog = DateTimeOffset.MinValue;
    private long _lastWriteFailureLog = long.MinValue;

    /// <summary>Opens (or creates) the outbox in <paramref name="directory"/>, loading and checking what an earlier run left.</summary>
    /// <exception cref="OutboxDirectoryException">The folder cannot be used.</exception>
    public DiskOutbox(string directory, long maxBytes, int maxBatches = int.MaxValue, TimeProvider? time = null, ILogger<DiskOutbox>? logger = null, long segmentBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatches, 1);
        OutboxDirectory.Prepare(directory);
        Directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _maxBatches = maxBatches;
        _segmentBytes = segmentBytes > 0 ? segmentBytes : Math.Clamp(maxBytes / 8, 4096, DefaultSegmentBytes);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<DiskOutbox>.Instance;
        _syncTimer = _time.CreateTimer(_ => SyncNow(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            Load();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Dispose();
            throw new OutboxDirectoryException($"cannot read the outbox in {Directory}: {ex.Message}", ex);
        }

        AgentLog.OutboxOpened(_logger, Directory, _pendingBatches, _pendingBytes, _segments.Count, _maxBytes);
        if (_corruptRecords > 0)
        {
            AgentLog.OutboxDamaged(_logger, Directory, _corruptRecords, _corruptBytes);
        }
    }

    public event Action? Appended;

    public string Directory { get; }

    public long EndPosition
    {
        get
        {
            lock (_lock)
            {
                return _nextPosition;
            }
        }
    }

    public OutboxStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new OutboxStatistics(_pendingBatches, _pendingBytes, OldestQueuedAtLocked(), _dropped, _rejected, _acknowledged)
                {
                    FileBytes = _fileBytes,
                    DroppedPoints = _droppedPoints,
                    ThinnedPoints = _thinnedPoints,
                    CorruptRecords = _corruptRecords,
                    CorruptBytes = _corruptBytes,
                };
            }
        }
    }

    public void Append(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lane = OutboxEntry.LaneOf(batch);
        var now = _time.GetUtcNow();
        var record = OutboxRecordFormat.Encode(batch, lane, now.ToUnixTimeMilliseconds());
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var segment = _active;
            try
            {
                if (segment is null || (segment.Length > 0 && segment.Length + record.Length > _segmentBytes))
                {
                    segment = Roll();
                }

                segment.Append(record, new OutboxRecord
                {
                    Position = _nextPosition,
                    QueuedAtUnixMs = now.ToUnixTimeMilliseconds(),
                    Sequence = batch.Sequence,
                    PointCount = batch.Points.Count,
                    Lane = lane,
                }, batch.BootId);
            }
            catch (IOException ex)
            {
                // Disk full or failing: this batch cannot be kept. Count it; the jobs that measure must go on.
                _dropped++;
                _droppedPoints += batch.Points.Count;
                if (_time.GetTimestamp() - _lastWriteFailureLog > _time.TimestampFrequency * (long)LossLogInterval.TotalSeconds || _lastWriteFailureLog == long.MinValue)
                {
                    _lastWriteFailureLog = _time.GetTimestamp();
                    AgentLog.OutboxWriteFailed(_logger, Directory, ex.Message);
                }

                return;
            }

            _nextPosition++;
            _fileBytes += record.Length;
            _pendingBatches++;
            _pendingBytes += record.Length;
            ArmSync();
            EnforceQuota();
        }

        Appended?.Invoke();
    }

    public bool Acknowledge(string bootId, ulong sequence) => Finish(bootId, sequence, rejected: false);

    public bool Reject(string bootId, ulong sequence) => Finish(bootId, sequence, rejected: true);

    /// <summary>Flushes written records and acknowledgements to the disk now (also done on a timer and on dispose).</summary>
    public void SyncNow()
    {
        var handles = new List<SafeFileHandle>();
        lock (_lock)
        {
            _syncArmed = false;
            if (_disposed)
            {
                return;
            }

            foreach (var segment in _segments)
            {
                segment.TakeDirtyHandles(handles);
            }
        }

        // fsync can take long on a slow disk: appends go on meanwhile (a handle closed under us was of a deleted file).
        foreach (var handle in handles)
        {
            try
            {
                RandomAccess.FlushToDisk(handle);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The next append reports a failing disk; a failed fsync alone loses nothing the OS has.
            }
        }
    }

    public void Dispose()
    {
        SyncNow();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _syncTimer.Dispose();
            if (_lossUnlogged)
            {
                // Losses inside the last minute's silence are said before the process goes.
                LogQuotaLoss();
            }

            foreach (var segment in _segments)
            {
                segment.Dispose();
            }
        }
    }

    private bool Finish(string bootId, ulong sequence, bool rejected)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            // Newest first: acknowledgements mostly follow recent sends.
            for (var s = _segments.Count - 1; s >= 0; s--)
            {
                var segment = _segments[s];
                var index = segment.Find(bootId, sequence);
                if (index < 0 || segment.Records[index].Done)
                {
                    continue;
                }

                Done(segment, index, persist: true);
                if (rejected)
                {
                    _rejected++;
                }
                else
                {
                    _acknowledged++;
                }

                return true;
            }

            return false;
        }
    }

    private void Done(OutboxSegment segment, int index, bool persist)
    {
        var length = segment.Records[index].Length;
        try
        {
            segment.MarkDone(index, persist);
        }
        catch (IOException)
        {
            // Not persisted: after a restart the batch is sent again, which the collector's idempotent writes absorb.
        }

        _pendingBatches--;
        _pendingBytes -= length;
        ArmSync();
        if (segment.PendingCount == 0 && segment != _active)
        {
            Remove(segment);
        }
    }

    private void Remove(OutboxSegment segment)
    {
        _fileBytes -= segment.Length;
        _pendingBatches -= segment.PendingCount;
        _pendingBytes -= segment.PendingBytes;
        _segments.Remove(segment);
        segment.Delete();
    }

    private OutboxSegment Roll()
    {
        var previous = _active;
        var segment = new OutboxSegment(Directory, _nextSegmentId++, 0);
        segment.Create();
        _segments.Add(segment);
        _active = segment;
        if (previous is not null)
        {
            // Its last writes are flushed to the disk by the sync timer like any others.
            if (previous.PendingCount == 0)
            {
                Remove(previous);
            }
        }

        return segment;
    }

    private void ArmSync()
    {
        if (!_syncArmed)
        {
            _syncArmed = true;
            _syncTimer.Change(SyncDelay, Timeout.InfiniteTimeSpan);
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// Bounded in-memory <see cref="IOutbox"/> for tests of the jobs that feed it: lost on restart, never unbounded, and
/// never silent about what it drops. The agent itself runs on <see cref="DiskOutbox"/>.
/// </summary>
public sealed class MemoryOutbox : IOutbox
{
    private readonly LinkedList<Entry> _entries = new();
    private readonly Dictionary<(string BootId, ulong Sequence), LinkedListNode<Entry>> _index = [];
    private readonly Lock _lock = new();
    private readonly int _maxBatches;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _position;
    private long _bytes;
    private long _dropped;
    private long _droppedPoints;
    private long _rejected;
    private long _acknowledged;

    public MemoryOutbox(int maxBatches, long maxBytes, TimeProvider? time = null, ILogger<MemoryOutbox>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _maxBatches = maxBatches;
        _maxBytes = maxBytes;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MemoryOutbox>.Instance;
    }

    public event Action? Appended;

    public long EndPosition
    {
        get
        {
            lock (_lock)
            {
                return _position + 1;
            }
        }
    }

    public void Append(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var size = batch.CalculateSize();
        lock (_lock)
        {
            var key = (batch.BootId, batch.Sequence);
            if (_index.ContainsKey(key))
            {
                return;
            }

            var entry = new OutboxEntry(++_position, OutboxEntry.LaneOf(batch), batch.BootId, batch.Sequence, size, _time.GetUtcNow());
            var node = _entries.AddLast(new Entry(batch, entry));
            _index[key] = node;
            _bytes += size;
            // The newest batch always stays, even alone above the byte bound: the newest state matters most.
            while (_entries.Count > 1 && (_entries.Count > _maxBatches || _bytes > _maxBytes))
            {
                var oldest = _entries.First!.Value;
                Remove(_entries.First);
                _dropped++;
                _droppedPoints += oldest.Batch.Points.Count;
                AgentLog.OutboxOverflow(_logger, _entries.Count, _bytes, oldest.Batch.BootId, oldest.Batch.Sequence, _dropped);
            }
        }

        Appended?.Invoke();
    }

    /// <summary>Up to <paramref name="max"/> waiting batches, oldest first (a snapshot, for tests).</summary>
    public IReadOnlyList<SampleBatch> Pending(int max)
    {
        lock (_lock)
        {
            return _entries.Take(max).Select(e => e.Batch).ToList();
        }
    }

    public IReadOnlyList<OutboxEntry> Pending(long after, long before, OutboxLane? lane, int max)
    {
        lock (_lock)
        {
            return _entries.Select(e => e.Info)
                .Where(e => e.Position > after && e.Position < before && (lane is null || e.Lane == lane))
                .Take(max)
                .ToList();
        }
    }

    public SampleBatch? Read(OutboxEntry entry)
    {
        lock (_lock)
        {
            return _index.TryGetValue((entry.BootId, entry.Sequence), out var node) ? node.Value.Batch.Clone() : null;
        }
    }

    public bool Acknowledge(string bootId, ulong sequence)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue((bootId, sequence), out var node))
            {
                return false;
            }

            Remove(node);
            _acknowledged++;
            return true;
        }
    }

    public bool Reject(string bootId, ulong sequence)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue((bootId, sequence), out var node))
            {
                return false;
            }

            Remove(node);
            _rejected++;
            return true;
        }
    }

    public OutboxStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new OutboxStatistics(_entries.Count, _bytes, _entries.First?.Value.Info.QueuedAt, _dropped, _rejected, _acknowledged)
                {
                    FileBytes = 0,
                    DroppedPoints = _droppedPoints,
                };
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node);
        _index.Remove((node.Value.Batch.BootId, node.Value.Batch.Sequence));
        _bytes -= node.Value.Info.Bytes;
    }

    private sealed record Entry(SampleBatch Batch, OutboxEntry Info);
}

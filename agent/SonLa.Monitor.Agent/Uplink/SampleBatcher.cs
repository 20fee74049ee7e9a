using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Gathers points and events from every job into numbered <see cref="SampleBatch"/>es (sequence 1, 2, 3, ... per boot id)
/// and appends them to the outbox: when <see cref="Flush"/> is called (every BatchSeconds) or as soon as a batch is full.
/// Writing never waits for the network.
/// </summary>
public sealed class SampleBatcher(AgentIdentity identity, IOutbox outbox, int maxBatchPoints) : ISampleSink
{
    private readonly Lock _lock = new();
    private readonly List<Point> _points = [];
    private readonly List<Event> _events = [];
    private ulong _sequence;

    public ulong LastSequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    public void Write(IReadOnlyList<Point> points, IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(events);
        lock (_lock)
        {
            _events.AddRange(events);
            foreach (var point in points)
            {
                _points.Add(point);
                if (_points.Count >= maxBatchPoints)
                {
                    FlushLocked();
                }
            }
        }
    }

    /// <summary>Turns what was gathered into a batch; nothing when there is nothing.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (_points.Count == 0 && _events.Count == 0)
        {
            return;
        }

        var batch = new SampleBatch { BootId = identity.BootId, Sequence = ++_sequence };
        batch.Points.AddRange(_points);
        batch.Events.AddRange(_events);
        _points.Clear();
        _events.Clear();
        outbox.Append(batch);
    }
}

using SonLa.Monitor.Agent.Clock;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Uplink;

/// <summary>
/// Turns every <see cref="Write"/> (a device poll, a trap, a status point) into numbered <see cref="SampleBatch"/>es
/// (sequence 1, 2, 3, ... per boot id; more than one only above MaxBatchPoints) appended to the outbox at once: when
/// Write returns, what was measured is in the outbox (on disk for the agent). Writing never waits for the network.
/// Timestamps get the clock correction in force at that moment (<see cref="AgentClock"/>), once and for all: a batch
/// resent later keeps exactly these times.
/// </summary>
public sealed class SampleBatcher(AgentIdentity identity, IOutbox outbox, int maxBatchPoints, AgentClock? clock = null) : ISampleSink
{
    private readonly Lock _lock = new();
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
        var clockEvents = clock?.Correct(points, events) ?? [];
        if (clockEvents.Count > 0)
        {
            events = [.. events, .. clockEvents];
        }

        if (points.Count == 0 && events.Count == 0)
        {
            return;
        }

        // Numbering and appending under one lock keeps sequence order equal to outbox order.
        lock (_lock)
        {
            var start = 0;
            do
            {
                var batch = new SampleBatch { BootId = identity.BootId, Sequence = ++_sequence };
                if (start == 0)
                {
                    batch.Events.AddRange(events);
                }

                var count = Math.Min(maxBatchPoints, points.Count - start);
                for (var i = 0; i < count; i++)
                {
                    batch.Points.Add(points[start + i]);
                }

                start += count;
                outbox.Append(batch);
            }
            while (start < points.Count);
        }
    }
}

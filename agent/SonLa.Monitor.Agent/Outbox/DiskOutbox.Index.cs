using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>Finding waiting records in the in-memory index, and reading one back from its segment file.</summary>
public sealed partial class DiskOutbox
{
    public IReadOnlyList<OutboxEntry> Pending(long after, long before, OutboxLane? lane, int max)
    {
        var found = new List<OutboxEntry>(Math.Clamp(max, 0, 1024));
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                if (found.Count >= max || (segment.Records.Count > 0 && segment.Records[0].Position >= before))
                {
                    break;
                }

                if (segment.PendingCount == 0 || segment.Records[^1].Position <= after || (lane is { } l && segment.PendingByLane[(int)l] == 0))
                {
                    continue;
                }

                var records = segment.Records;
                for (var i = segment.FirstAfter(after); i < records.Count && found.Count < max; i++)
                {
                    var record = records[i];
                    if (record.Position >= before)
                    {
                        break;
                    }

                    if (!record.Done && (lane is null || record.Lane == lane))
                    {
                        found.Add(new OutboxEntry(record.Position, record.Lane, segment.BootIds[record.BootIndex], record.Sequence, record.Length,
                            DateTimeOffset.FromUnixTimeMilliseconds(record.QueuedAtUnixMs)));
                    }
                }
            }
        }

        return found;
    }

    public SampleBatch? Read(OutboxEntry entry)
    {
        lock (_lock)
        {
            if (_disposed || !TryLocate(entry.Position, out var segment, out var index) || segment.Records[index].Done)
            {
                return null;
            }

            var record = segment.Records[index];
            if (ReadBatch(segment, record) is { } batch)
            {
                return batch;
            }

            // The disk changed under us: never send garbage, never retry it forever.
            AgentLog.OutboxUnreadable(_logger, Directory, Path.GetFileName(segment.FilePath));
            _corruptRecords++;
            _corruptBytes += record.Length;
            Done(segment, index, persist: true);
            return null;
        }
    }

    private bool TryLocate(long position, out OutboxSegment segment, out int index)
    {
        foreach (var candidate in _segments)
        {
            var records = candidate.Records;
            if (records.Count == 0 || records[^1].Position < position)
            {
                continue;
            }

            var i = candidate.FirstAfter(position - 1);
            if (i < records.Count && records[i].Position == position)
            {
                segment = candidate;
                index = i;
                return true;
            }

            break;
        }

        segment = null!;
        index = -1;
        return false;
    }

    private DateTimeOffset? OldestQueuedAtLocked()
    {
        foreach (var segment in _segments)
        {
            if (segment.PendingCount == 0)
            {
                continue;
            }

            foreach (var record in segment.Records)
            {
                if (!record.Done)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(record.QueuedAtUnixMs);
                }
            }
        }

        return null;
    }
}

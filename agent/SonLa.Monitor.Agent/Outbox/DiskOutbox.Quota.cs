using SonLa.Monitor.Agent.Diagnostics;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>The quota: thin the oldest data to coarser intervals first, drop the oldest segment only when nothing is left to thin.</summary>
public sealed partial class DiskOutbox
{
    private void EnforceQuota()
    {
        var lost = false;
        while (_fileBytes > _maxBytes || _pendingBatches > _maxBatches)
        {
            // The segment being written holds the newest data: never a victim.
            var thin = _segments.Where(s => s != _active && s.Level < OutboxThinner.MaxLevel)
                .OrderBy(s => s.Level).ThenBy(s => s.Id).FirstOrDefault();
            if (thin is not null && _fileBytes > _maxBytes)
            {
                Thin(thin);
                lost = true;
                continue;
            }

            var oldest = _segments.FirstOrDefault(s => s != _active);
            if (oldest is null)
            {
                if (_active is null || _active.Records.Count <= 1)
                {
                    // One batch bigger than the quota: it is the newest state, so it stays.
                    break;
                }

                // A quota smaller than one segment: close this one so the next pass can thin or drop it.
                Roll();
                continue;
            }

            Drop(oldest);
            lost = true;
        }

        _lossUnlogged |= lost;
        if (_lossUnlogged && _time.GetUtcNow() - _lastLossLog >= LossLogInterval)
        {
            LogQuotaLoss();
        }
    }

    private void LogQuotaLoss()
    {
        _lastLossLog = _time.GetUtcNow();
        _lossUnlogged = false;
        AgentLog.OutboxQuotaLoss(_logger, _maxBytes, _thinnedPoints, _dropped, _droppedPoints);
    }

    private void Drop(OutboxSegment segment)
    {
        foreach (var record in segment.Records)
        {
            if (!record.Done)
            {
                _dropped++;
                _droppedPoints += record.PointCount;
            }
        }

        Remove(segment);
    }

    /// <summary>
    /// Rewrites a segment's waiting records one level coarser into a new file, renamed into place atomically; one batch
    /// at a time, so memory does not grow with the segment.
    /// </summary>
    private void Thin(OutboxSegment segment)
    {
        var level = segment.Level + 1;
        var thinner = new OutboxThinner(level);
        var target = Path.Combine(Directory, OutboxSegment.FileName(segment.Id, level));
        var temporary = target + ".tmp";
        var kept = new List<OutboxRecord>(segment.PendingCount);
        long length = 0;
        long unreadable = 0;
        long unreadableBytes = 0;
        try
        {
            using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.ReadWrite))
            {
                foreach (var record in segment.Records)
                {
                    if (record.Done)
                    {
                        continue;
                    }

                    var batch = ReadBatch(segment, record);
                    if (batch is null)
                    {
                        unreadable++;
                        unreadableBytes += record.Length;
                        continue;
                    }

                    thinner.Thin(batch);
                    if (batch.Points.Count == 0 && batch.Events.Count == 0)
                    {
                        continue;
                    }

                    var bytes = OutboxRecordFormat.Encode(batch, record.Lane, record.QueuedAtUnixMs);
                    RandomAccess.Write(handle, bytes, length);
                    var copy = record;
                    copy.Offset = checked((int)length);
                    copy.Length = bytes.Length;
                    copy.PointCount = batch.Points.Count;
                    kept.Add(copy);
                    length += bytes.Length;
                }

                RandomAccess.FlushToDisk(handle);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (IOException)
        {
            // Cannot rewrite (disk full?): dropping the segment is the only way left to respect the quota.
            TryDelete(temporary);
            Drop(segment);
            return;
        }

        _thinnedPoints += thinner.Removed;
        _corruptRecords += unreadable;
        _corruptBytes += unreadableBytes;
        _fileBytes += length - segment.Length;
        _pendingBatches += kept.Count - segment.PendingCount;
        _pendingBytes += kept.Sum(r => (long)r.Length) - segment.PendingBytes;
        segment.Replace(level, kept, length);
        if (segment.PendingCount == 0)
        {
            Remove(segment);
        }
    }

    private static SampleBatch? ReadBatch(OutboxSegment segment, OutboxRecord record)
    {
        var bytes = new byte[record.Length];
        try
        {
            return RandomAccess.Read(segment.Handle, bytes, record.Offset) == bytes.Length ? OutboxRecordFormat.Decode(bytes) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}

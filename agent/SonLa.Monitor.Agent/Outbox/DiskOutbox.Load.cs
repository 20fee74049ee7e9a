using System.Buffers;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>Start-up: reading back what an earlier run left, cutting off damaged tails.</summary>
public sealed partial class DiskOutbox
{
    private void Load()
    {
        foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, "*" + OutboxSegment.Extension + ".tmp"))
        {
            // A thinning rewrite that did not finish: the original is still there.
            File.Delete(leftover);
        }

        var found = new SortedDictionary<long, int>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + OutboxSegment.Extension))
        {
            if (!OutboxSegment.TryParseName(Path.GetFileName(path), out var id, out var level))
            {
                continue;
            }

            if (found.TryGetValue(id, out var other))
            {
                // A rewrite renamed into place, the old file not yet deleted: the higher level is the complete newer one.
                var stale = new OutboxSegment(Directory, id, Math.Min(level, other));
                stale.Delete();
                level = Math.Max(level, other);
            }

            found[id] = level;
        }

        foreach (var (id, level) in found)
        {
            var segment = new OutboxSegment(Directory, id, level);
            LoadSegment(segment);
            _nextSegmentId = Math.Max(_nextSegmentId, id + 1);
            if (segment.PendingCount == 0)
            {
                segment.Delete();
                continue;
            }

            _segments.Add(segment);
            _fileBytes += segment.Length;
            _pendingBatches += segment.PendingCount;
            _pendingBytes += segment.PendingBytes;
        }
    }

    private void LoadSegment(OutboxSegment segment)
    {
        long good = 0;
        long length;
        using (var stream = new FileStream(segment.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            length = stream.Length;
            var header = new byte[OutboxRecordFormat.HeaderBytes];
            while (good < length)
            {
                if (!TryReadRecord(stream, header, length - good, segment))
                {
                    break;
                }

                good = stream.Position;
            }
        }

        if (good < length)
        {
            // The first bad record ends the segment: what follows a torn or garbled record cannot be trusted to be framed right.
            _corruptRecords++;
            _corruptBytes += length - good;
            using var handle = File.OpenHandle(segment.FilePath, FileMode.Open, FileAccess.ReadWrite);
            RandomAccess.SetLength(handle, good);
            RandomAccess.FlushToDisk(handle);
        }

        segment.SetLoadedLength(good);
        segment.LoadAcks();
    }

    private bool TryReadRecord(FileStream stream, byte[] header, long remaining, OutboxSegment segment)
    {
        var offset = stream.Position;
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !OutboxRecordFormat.TryReadHeader(header, remaining - header.Length, out var bodyLength, out var crc))
        {
            return false;
        }

        // The length was checked against what is left of the file, so a garbled one never allocates more than the file holds.
        var body = ArrayPool<byte>.Shared.Rent(bodyLength);
        try
        {
            if (stream.ReadAtLeast(body.AsSpan(0, bodyLength), bodyLength, throwOnEndOfStream: false) < bodyLength
                || !OutboxRecordFormat.TryReadBody(body.AsSpan(0, bodyLength), crc, out var head))
            {
                return false;
            }

            segment.Add(new OutboxRecord
            {
                Position = _nextPosition++,
                QueuedAtUnixMs = head.QueuedAtUnixMs,
                Sequence = head.Sequence,
                Offset = checked((int)offset),
                Length = header.Length + bodyLength,
                PointCount = head.PointCount,
                Lane = head.Lane,
            }, head.BootId);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}

using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace SonLa.Monitor.Agent.Outbox;

/// <summary>
/// One append-only segment file (<c>{id}-{level}.seg</c>, level = how often it was thinned) with its acknowledgement
/// file (<c>{id}-{level}.ack</c>: 8-byte entries, the offset of a done record and its complement, so a torn or garbled
/// entry never marks another record done). Not thread-safe: <see cref="DiskOutbox"/> holds its lock around every call.
/// </summary>
internal sealed class OutboxSegment : IDisposable
{
    public const string Extension = ".seg";
    public const string AckExtension = ".ack";
    public const int AckEntryBytes = 8;

    private readonly string _directory;
    private SafeFileHandle? _handle;
    private SafeFileHandle? _ackHandle;
    private long _ackLength;

    public OutboxSegment(string directory, long id, int level)
    {
        _directory = directory;
        Id = id;
        Level = level;
    }

    public long Id { get; }

    public int Level { get; private set; }

    public string FilePath => System.IO.Path.Combine(_directory, FileName(Id, Level));

    public string AckPath => System.IO.Path.ChangeExtension(FilePath, AckExtension);

    public List<OutboxRecord> Records { get; private set; } = [];

    public List<string> BootIds { get; } = [];

    /// <summary>True while every record has one boot id in rising sequence order: acknowledgements then binary-search.</summary>
    public bool Ordered { get; private set; } = true;

    public long Length { get; private set; }

    public int PendingCount { get; private set; }

    public long PendingBytes { get; private set; }

    public int[] PendingByLane { get; } = new int[2];

    public bool Dirty { get; private set; }

    public static string FileName(long id, int level) =>
        id.ToString("D12", CultureInfo.InvariantCulture) + "-" + level.ToString(CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseName(string fileName, out long id, out int level)
    {
        id = 0;
        level = 0;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }

        var stem = fileName[..^Extension.Length];
        var dash = stem.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && long.TryParse(stem.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && int.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out level);
    }

    public SafeFileHandle Handle => _handle ??= File.OpenHandle(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);

    public void Create()
    {
        _handle = File.OpenHandle(FilePath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        Length = 0;
    }

    public void Append(ReadOnlySpan<byte> record, OutboxRecord info, string bootId)
    {
        RandomAccess.Write(Handle, record, Length);
        info.Offset = checked((int)Length);
        info.Length = record.Length;
        Length += record.Length;
        Dirty = true;
        Add(info, bootId);
    }

    /// <summary>Adds a record found on disk (or just written) to the index.</summary>
    public void Add(OutboxRecord info, string bootId)
    {
        var bootIndex = BootIds.IndexOf(bootId);
        if (bootIndex < 0)
        {
            if (BootIds.Count >= byte.MaxValue)
            {
                throw new InvalidOperationException("too many boot ids in one segment");
            }

            BootIds.Add(bootId);
            bootIndex = BootIds.Count - 1;
        }

        if (Records.Count > 0 && (bootIndex != 0 || info.Sequence <= Records[^1].Sequence))
        {
            Ordered = false;
        }

        info.BootIndex = (byte)bootIndex;
        Records.Add(info);
        if (!info.Done)
        {
            PendingCount++;
            PendingBytes += info.Length;
            PendingByLane[(int)info.Lane]++;
        }
    }

    public void SetLoadedLength(long length) => Length = length;

    public int Find(string bootId, ulong sequence)
    {
        var bootIndex = BootIds.IndexOf(bootId);
        if (bootIndex < 0)
        {
            return -1;
        }

        if (Ordered)
        {
            int low = 0, high = Records.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var found = Records[middle].Sequence;
                if (found == sequence)
                {
                    return middle;
                }

                if (found < sequence)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return -1;
        }

        for (var i = 0; i < Records.Count; i++)
        {
            if (Records[i].BootIndex == bootIndex && Records[i].Sequence == sequence)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the first record whose position is above <paramref name="position"/>.</summary>
    public int FirstAfter(long position)
    {
        int low = 0, high = Records.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Records[middle].Position <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Marks a record done in memory (and on disk when <paramref name="persist"/>).</summary>
    public void MarkDone(int index, bool persist)
    {
        var record = Records[index];
        if (record.Done)
        {
            return;
        }

        record.Done = true;
        Records[index] = record;
        PendingCount--;
        PendingBytes -= record.Length;
        PendingByLane[(int)record.Lane]--;
        if (persist)
        {
            Span<byte> entry = stackalloc byte[AckEntryBytes];
            BinaryPrimitives.WriteInt32LittleEndian(entry, record.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], ~record.Offset);
            _ackHandle ??= File.OpenHandle(AckPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            RandomAccess.Write(_ackHandle, entry, _ackLength);
            _ackLength += AckEntryBytes;
            Dirty = true;
        }
    }

    /// <summary>Reads the acknowledgement file and marks the records it names done; a torn or garbled entry is ignored.</summary>
    public void LoadAcks()
    {
        if (!File.Exists(AckPath))
        {
            return;
        }

        var bytes = File.ReadAllBytes(AckPath);
        var whole = bytes.Length - (bytes.Length % AckEntryBytes);
        for (var i = 0; i < whole; i += AckEntryBytes)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i));
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i + 4)) != ~offset)
            {
                continue;
            }

            var index = IndexOfOffset(offset);
            if (index >= 0)
            {
                MarkDone(index, persist: false);
            }
        }

        // Later entries go after the whole ones; a torn tail is overwritten.
        _ackLength = whole;
    }

    /// <summary>The handles with writes not yet flushed to the disk (the dirty mark is cleared); flushed by the caller outside its lock.</summary>
    public void TakeDirtyHandles(List<SafeFileHandle> into)
    {
        if (!Dirty)
        {
            return;
        }

        if (_handle is { IsClosed: false })
        {
            into.Add(_handle);
        }

        if (_ackHandle is { IsClosed: false })
        {
            into.Add(_ackHandle);
        }

        Dirty = false;
    }

    /// <summary>Swaps in a rewritten (thinned) file already renamed to <paramref name="level"/>'s name; the old files go.</summary>
    public void Replace(int level, List<OutboxRecord> records, long length)
    {
        var oldPath = FilePath;
        var oldAck = AckPath;
        CloseHandles();
        Level = level;
        File.Delete(oldPath);
        File.Delete(oldAck);
        Records = [];
        PendingCount = 0;
        PendingBytes = 0;
        Array.Clear(PendingByLane);
        var bootIds = BootIds.ToList();
        BootIds.Clear();
        Ordered = true;
        foreach (var record in records)
        {
            Add(record, bootIds[record.BootIndex]);
        }

        Length = length;
        _ackLength = 0;
    }

    public void Delete()
    {
        CloseHandles();
        File.Delete(FilePath);
        File.Delete(AckPath);
    }

    public void Dispose() => CloseHandles();

    private int IndexOfOffset(int offset)
    {
        int low = 0, high = Records.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var found = Records[middle].Offset;
            if (found == offset)
            {
                return middle;
            }

            if (found < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    private void CloseHandles()
    {
        _handle?.Dispose();
        _handle = null;
        _ackHandle?.Dispose();
        _ackHandle = null;
    }
}

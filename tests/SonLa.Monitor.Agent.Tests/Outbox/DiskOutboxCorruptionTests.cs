using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Polling;
using SonLa.Monitor.Agent.Tests.Polling;
using SonLa.Monitor.Agent.Traps;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Agent.Tests.Outbox;

/// <summary>A torn or garbled last segment (crash, power cut, bad disk): every complete record kept, the damage reported.</summary>
public sealed class DiskOutboxCorruptionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("sonla-outbox-damage");
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    private string Folder => _dir.File("outbox");

    public static TheoryData<string> Damages() =>
    [
        "cut-in-header", "cut-in-payload", "flipped-payload-byte", "flipped-crc-byte", "garbage-length-huge",
        "garbage-length-negative", "garbage-length-past-end", "bad-magic", "zeros-appended", "random-bytes-appended",
    ];

    /// <summary>Writes 10 batches, then damages the file: the damage hits record 10 or follows it.</summary>
    private (string Path, long LastStart, long Length) WriteTen()
    {
        var lastStart = 0L;
        using (var outbox = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time))
        {
            for (ulong i = 1; i <= 10; i++)
            {
                lastStart = outbox.Statistics.FileBytes;
                outbox.Append(i == 4 ? OutboxBatches.Event("boot-a", i, Start) : OutboxBatches.Samples("boot-a", i, Start));
            }
        }

        var path = Assert.Single(Directory.GetFiles(Folder, "*.seg"));
        return (path, lastStart, new FileInfo(path).Length);
    }

    private static void Damage(string path, long lastStart, long length, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "cut-in-header":
                bytes = bytes[..(int)(lastStart + 7)];
                break;
            case "cut-in-payload":
                bytes = bytes[..(int)(length - 5)];
                break;
            case "flipped-payload-byte":
                bytes[(int)length - 3] ^= 0x40;
                break;
            case "flipped-crc-byte":
                bytes[(int)lastStart + 9] ^= 0x01;
                break;
            case "garbage-length-huge":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)lastStart + 4), int.MaxValue);
                break;
            case "garbage-length-negative":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)lastStart + 4), -20);
                break;
            case "garbage-length-past-end":
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)lastStart + 4), (int)(length - lastStart));
                break;
            case "bad-magic":
                bytes[(int)lastStart] = (byte)'X';
                break;
            case "zeros-appended":
                // A file system that extended the file before the data reached it.
                bytes = [.. bytes, .. new byte[4096]];
                break;
            case "random-bytes-appended":
                var junk = new byte[333];
                new Random(7).NextBytes(junk);
                bytes = [.. bytes, .. junk];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage));
        }

        File.WriteAllBytes(path, bytes);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedTail_CompleteRecordsKept_DamageCountedAndLoggedOnce(string damage)
    {
        var (path, lastStart, length) = WriteTen();
        Damage(path, lastStart, length, damage);
        var appended = damage.EndsWith("appended", StringComparison.Ordinal);

        var logger = new ListLogger<DiskOutbox>();
        using (var outbox = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time, logger))
        {
            var expected = Enumerable.Range(1, appended ? 10 : 9).Select(i => (ulong)i).ToList();
            Assert.Equal(expected, OutboxBatches.PendingSequences(outbox));
            var entries = outbox.Pending(long.MinValue, long.MaxValue, null, 100);
            Assert.All(entries, e => Assert.Equal(e.Sequence, outbox.Read(e)!.Sequence));
            Assert.Equal(1, outbox.Statistics.CorruptRecords);
            Assert.True(outbox.Statistics.CorruptBytes > 0);
            Assert.Single(logger.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Text.Contains("damaged segment tail", StringComparison.Ordinal));

            // Later data is not poisoned: it appends and reads back fine.
            outbox.Append(OutboxBatches.Samples("boot-b", 1, Start));
            Assert.Equal(1UL, outbox.Read(outbox.Pending(long.MinValue, long.MaxValue, null, 100)[^1])!.Sequence);
        }

        // The damage was cut off for good: the next start finds none.
        using var again = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time);
        Assert.Equal(0, again.Statistics.CorruptRecords);
        Assert.Equal(appended ? 11 : 10, again.Statistics.PendingBatches);
    }

    [Fact]
    public void DamageAtStart_IsReportedToTheCollector_AsADataLostEventAndAgentFields()
    {
        var (path, lastStart, length) = WriteTen();
        Damage(path, lastStart, length, "cut-in-payload");
        using var outbox = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time);
        var identity = new AgentIdentity("chieng-coi", "boot-new", "test");
        var status = new AgentStatusService(identity, outbox, new SampleBatcher(identity, outbox, 1000), new PollingCounters(), new TrapCounters(), _time);

        status.WriteStatus();
        var report = outbox.Read(outbox.Pending(long.MinValue, long.MaxValue, null, 100)[^1])!;
        var lost = Assert.Single(report.Events);
        Assert.Equal(("agent", "data_lost"), (lost.Device, lost.Kind));
        Assert.Contains("1 damaged outbox record(s) cut off", lost.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(report.Points).Fields["outbox_corrupt_records"].IntValue);
        Assert.Equal(OutboxLane.Events, outbox.Pending(long.MinValue, long.MaxValue, null, 100)[^1].Lane);

        // Reported once: the next status point carries the counter but no new event.
        status.WriteStatus();
        var next = outbox.Read(outbox.Pending(long.MinValue, long.MaxValue, null, 100)[^1])!;
        Assert.Empty(next.Events);
        Assert.Equal(1, Assert.Single(next.Points).Fields["outbox_corrupt_records"].IntValue);
    }

    [Fact]
    public void GarbledAckFile_NeverMarksAnotherRecordDone()
    {
        using (var outbox = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time))
        {
            for (ulong i = 1; i <= 5; i++)
            {
                outbox.Append(OutboxBatches.Samples("boot-a", i, Start));
            }

            outbox.Acknowledge("boot-a", 2);
            outbox.Acknowledge("boot-a", 3);
        }

        var ack = Assert.Single(Directory.GetFiles(Folder, "*.ack"));
        var bytes = File.ReadAllBytes(ack);
        bytes[9] ^= 0x10; // the second entry's offset no longer matches its check
        File.WriteAllBytes(ack, [.. bytes, 1, 2, 3]); // and a torn entry after it

        using var reopened = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time);
        // 3 comes back (harmless: the collector's writes are idempotent); nothing else is lost.
        Assert.Equal([1UL, 3UL, 4UL, 5UL], OutboxBatches.PendingSequences(reopened));
        Assert.True(reopened.Acknowledge("boot-a", 3));
    }

    [Fact]
    public void LeftoverFilesOfAnInterruptedThinning_AreResolvedAtStart()
    {
        using (var outbox = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time))
        {
            outbox.Append(OutboxBatches.Samples("boot-a", 1, Start));
        }

        var original = Assert.Single(Directory.GetFiles(Folder, "*.seg"));
        File.WriteAllBytes(original + ".tmp", [1, 2, 3]);
        var rewritten = original.Replace("-0.seg", "-1.seg", StringComparison.Ordinal);
        File.Copy(original, rewritten);

        using var reopened = new DiskOutbox(Folder, 64L * 1024 * 1024, int.MaxValue, _time);
        Assert.Equal([1UL], OutboxBatches.PendingSequences(reopened));
        Assert.Equal([rewritten], Directory.GetFiles(Folder, "*.seg*"));
    }
}

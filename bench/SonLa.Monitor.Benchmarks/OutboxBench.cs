using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using SonLa.Monitor.Agent.Outbox;
using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;
using SonLa.Monitor.Testing;

namespace SonLa.Monitor.Benchmarks;

/// <summary>
/// outbox: a <see cref="DiskOutbox"/> with a 64 MB quota filled with one-minute polls of a 50-interface device (nothing
/// acknowledged, as in a long outage) until three times the quota went through it. Managed heap and working set at
/// 10, 50, 100 and 300 % must stay flat (only the small per-record index lives in memory; thinning and dropping keep
/// the files at the quota). Appends per second against the anchor: the same record bytes appended with a plain
/// FileStream (write + flush to the OS per record, as our append does), in the same run and folder.
/// </summary>
internal static class OutboxBench
{
    private const long Quota = 64L * 1024 * 1024;
    private const int Interfaces = 50;

    public static void Run()
    {
        using var dir = new TempDirectory("sonla-bench-outbox");
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var sample = Poll(1, clock.GetUtcNow());
        var record = new byte[sample.CalculateSize() + 64];
        new Random(1).NextBytes(record);
        var perRecord = record.Length;
        var total = 3 * Quota / perRecord;

        var anchor = Anchor(dir.File("anchor.log"), record, (int)Math.Min(total / 3, 20_000));
        File.Delete(dir.File("anchor.log"));
        // Past tiered JIT before anything is timed: encoding, and appends into a throw-away outbox.
        EncodeAnchor(sample, 2_000);
        using (var warm = new DiskOutbox(dir.File("warm-up"), Quota, int.MaxValue, clock))
        {
            for (ulong i = 1; i <= 2_000; i++)
            {
                warm.Append(Poll(i, clock.GetUtcNow()));
            }
        }

        System.IO.Directory.Delete(dir.File("warm-up"), recursive: true);
        var encoding = EncodeAnchor(sample, 2_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox: {Interfaces}-interface poll = {sample.CalculateSize()} bytes/batch; quota {Quota / (1024 * 1024)} MB; anchor plain FileStream append+flush of as many bytes {anchor:F0} records/s; "
            + $"protobuf encoding alone {encoding:F0} batches/s"));

        using var outbox = new DiskOutbox(dir.File("outbox"), Quota, int.MaxValue, clock);
        var marks = new Queue<int>([10, 50, 100, 300]);
        var watch = Stopwatch.StartNew();
        var lastMark = 0L;
        long appended = 0;
        long appendedBytes = 0;
        double? appendsBelowQuota = null;
        for (ulong sequence = 1; marks.Count > 0; sequence++)
        {
            // Building the poll is the poller's cost, not the outbox's: off the clock.
            watch.Stop();
            var batch = Poll(sequence, clock.GetUtcNow());
            appendedBytes += batch.CalculateSize();
            watch.Start();
            outbox.Append(batch);
            appended++;
            clock.Advance(TimeSpan.FromMinutes(1));
            var percent = appendedBytes * 100 / Quota;
            if (percent < marks.Peek())
            {
                continue;
            }

            var mark = marks.Dequeue();
            var seconds = watch.Elapsed.TotalSeconds;
            var rate = (appended - lastMark) / Math.Max(seconds, 1e-9);
            if (mark == 100)
            {
                appendsBelowQuota = appended / seconds;
            }

            Report(mark, outbox.Statistics, appended, rate, anchor);
            lastMark = appended;
            watch.Restart();
        }

        var alone = 1 / ((1 / anchor) + (1 / encoding));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox: appends up to the quota {appendsBelowQuota:F0}/s = {appendsBelowQuota / anchor:F2} x the plain FileStream anchor; "
            + $"{appendsBelowQuota / alone:F2} x encoding + plain append ({alone:F0}/s): the rest is CRC-32, the index and the fsync every second"));
    }

    private static void Report(int mark, OutboxStatistics statistics, long appended, double rate, double anchor)
    {
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        // Then what is really held: a full blocking collection that also gives free GC memory back to the OS.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox: {mark,3}% of the quota appended ({appended} batches): heap {heap / 1048576.0:F1} MB, working set {workingSet / 1048576.0:F1} MB "
            + $"({process.WorkingSet64 / 1048576.0:F1} MB after an aggressive GC), "
            + $"files {statistics.FileBytes / 1048576.0:F1} MB, {statistics.PendingBatches} waiting, thinned {statistics.ThinnedPoints} points, "
            + $"dropped {statistics.DroppedBatches} batches; {rate:F0} appends/s since the last mark ({rate / anchor:F2} x anchor)"));
    }

    private static double Anchor(string path, byte[] record, int count)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            stream.Write(record);
            stream.Flush();
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static double EncodeAnchor(SampleBatch batch, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _ = batch.ToByteArray();
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static SampleBatch Poll(ulong sequence, DateTimeOffset time)
    {
        var batch = new SampleBatch { BootId = "bench-boot", Sequence = sequence };
        for (var i = 1; i <= Interfaces; i++)
        {
            var point = Points.Create("interface", time, ("site", "chieng-coi"), ("device", "router"),
                ("if_index", i.ToString(CultureInfo.InvariantCulture)), ("if_name", "ge-0/0/" + i.ToString(CultureInfo.InvariantCulture)));
            point.Fields["in_octets"] = Points.UInt(sequence * 1_234_567);
            point.Fields["out_octets"] = Points.UInt(sequence * 765_432);
            point.Fields["in_bps"] = Points.Double(20_576.5 * i);
            point.Fields["out_bps"] = Points.Double(10_288.25 * i);
            point.Fields["oper_status"] = Points.Int(1);
            batch.Points.Add(point);
        }

        return batch;
    }

    /// <summary>Wall time that moves only when told, so thinning sees one poll a minute.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}

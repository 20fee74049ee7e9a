using System.Globalization;

namespace SonLa.Monitor.Benchmarks;

/// <summary>This process's garbage collector at one moment; the difference of two says what a phase cost in memory.</summary>
public readonly record struct GcSnapshot(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcSnapshot Take() => new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1),
        GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcSnapshot operator -(GcSnapshot after, GcSnapshot before) => new(after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused);

    public string Describe(int points, TimeSpan wall) => string.Create(CultureInfo.InvariantCulture,
        $"{AllocatedBytes / Math.Max(1, points)} B allocated a point, GCs {Gen0}/{Gen1}/{Gen2} (gen0/1/2), paused {Paused.TotalMilliseconds:F0} ms = {Paused / wall:P0} of the time");
}

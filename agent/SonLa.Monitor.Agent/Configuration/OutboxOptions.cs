namespace SonLa.Monitor.Agent.Configuration;

/// <summary>The durable disk outbox of unsent batches (<c>Outbox</c> section).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public const int DefaultMaxMegabytes = 512;

    public const int DefaultMaxBatches = 100_000;

    /// <summary>Relative to the config file's folder, like every other path.</summary>
    public const string DefaultDirectory = "outbox";

    /// <summary>Folder of the outbox's segment files, resolved to a full path (its parent must exist).</summary>
    public string Directory { get; set; } = DefaultDirectory;

    /// <summary>Disk quota; beyond it the OLDEST data is thinned to coarser intervals, then dropped, always counted and reported.</summary>
    public int MaxMegabytes { get; set; } = DefaultMaxMegabytes;

    /// <summary>Bound on waiting batches (bounds the in-memory index as MaxMegabytes bounds the disk).</summary>
    public int MaxBatches { get; set; } = DefaultMaxBatches;
}

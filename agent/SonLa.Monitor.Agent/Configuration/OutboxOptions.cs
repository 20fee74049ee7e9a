namespace SonLa.Monitor.Agent.Configuration;

/// <summary>Unsent batches (<c>Outbox</c> section).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public const int DefaultMaxMegabytes = 512;

    public const int DefaultMaxBatches = 100_000;

    /// <summary>Where the durable outbox lives (used once the disk outbox lands).</summary>
    public string Directory { get; set; } = "";

    /// <summary>Upper bound of unsent data; beyond it the OLDEST batches are dropped and counted.</summary>
    public int MaxMegabytes { get; set; } = DefaultMaxMegabytes;

    public int MaxBatches { get; set; } = DefaultMaxBatches;
}

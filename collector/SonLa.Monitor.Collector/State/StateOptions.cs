namespace SonLa.Monitor.Collector.State;

/// <summary>Where the collector keeps its own state: alerts, acknowledgements, windows, users, deliveries (section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string SectionName = "State";
    public const string DefaultPath = "sonla-collector.db";

    /// <summary>SQLite database file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = DefaultPath;
}

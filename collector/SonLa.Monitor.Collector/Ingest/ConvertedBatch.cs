using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>A batch turned into storable points, plus what had to be dropped and why.</summary>
public sealed record ConvertedBatch(IReadOnlyList<LinePoint> Points, int Total, int Invalid, string? FirstProblem);

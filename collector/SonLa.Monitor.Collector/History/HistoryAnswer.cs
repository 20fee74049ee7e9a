namespace SonLa.Monitor.Collector.History;

/// <summary>The answer of <c>GET /api/sites/{id}/history</c> (docs/api.md).</summary>
public sealed record HistoryAnswer(
    string Site,
    string Metric,
    string Range,
    int StepS,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<HistorySeries> Series);

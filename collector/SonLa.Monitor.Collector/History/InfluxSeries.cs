using System.Text.Json;

namespace SonLa.Monitor.Collector.History;

/// <summary>One series of an InfluxQL answer: its measurement, the GROUP BY tags, the columns and the rows.</summary>
/// <param name="Statement">The statement of the query it answers (0 for the first).</param>
public sealed record InfluxSeries(
    int Statement,
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    IReadOnlyList<JsonElement[]> Rows)
{
    /// <summary>The column's index, or -1.</summary>
    public int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value : null;
}

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// One InfluxDB point, independent of the InfluxDB version: measurement, tags sorted by key
/// (InfluxDB's preferred order), typed fields, and the agent's measurement time in nanoseconds.
/// </summary>
public sealed class LinePoint
{
    public LinePoint(string measurement, IEnumerable<KeyValuePair<string, string>> tags,
        IEnumerable<KeyValuePair<string, LineValue>> fields, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(fields);
        Measurement = measurement;
        Tags = tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        Fields = fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        TimestampNs = timestampNs;
    }

    public string Measurement { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }

    public IReadOnlyList<KeyValuePair<string, LineValue>> Fields { get; }

    public long TimestampNs { get; }

    /// <summary>Null when the point can be written; otherwise the first reason it cannot.</summary>
    public string? Problem
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Measurement))
            {
                return "empty measurement";
            }

            if (Fields.Count == 0)
            {
                return $"measurement '{Measurement}' has no fields";
            }

            foreach (var (key, _) in Tags)
            {
                if (key.Length == 0)
                {
                    return $"measurement '{Measurement}' has an empty tag key";
                }
            }

            foreach (var (key, value) in Fields)
            {
                if (key.Length == 0)
                {
                    return $"measurement '{Measurement}' has an empty field key";
                }

                if (value.Problem is { } problem)
                {
                    return $"measurement '{Measurement}' field '{key}': {problem}";
                }
            }

            return null;
        }
    }

    public override string ToString() => LineProtocol.Format(this);
}

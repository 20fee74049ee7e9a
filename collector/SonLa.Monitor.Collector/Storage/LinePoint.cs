using System.Diagnostics;

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
        _tags = tags.ToArray();
        Array.Sort(_tags, TagOrder);
        _fields = fields.ToArray();
        Array.Sort(_fields, FieldOrder);
        TimestampNs = timestampNs;
    }

    /// <summary>
    /// A point from arrays already in InfluxDB's order (tags and fields sorted by key, ordinal), taken as they are:
    /// the compact decoder shares one tag array among all points of a series and sorts a group's fields once.
    /// </summary>
    internal LinePoint(string measurement, KeyValuePair<string, string>[] sortedTags, KeyValuePair<string, LineValue>[] sortedFields,
        long timestampNs, bool presorted)
    {
        Debug.Assert(presorted, "only for arrays already sorted by key");
        Measurement = measurement;
        _tags = sortedTags;
        _fields = sortedFields;
        TimestampNs = timestampNs;
    }

    // Array.Sort with a cached comparison: this runs for every point of every batch.
    internal static readonly Comparison<KeyValuePair<string, string>> TagOrder = (a, b) => string.CompareOrdinal(a.Key, b.Key);
    internal static readonly Comparison<KeyValuePair<string, LineValue>> FieldOrder = (a, b) => string.CompareOrdinal(a.Key, b.Key);

    private readonly KeyValuePair<string, string>[] _tags;
    private readonly KeyValuePair<string, LineValue>[] _fields;
    private string? _problem;
    private bool _checked;

    public string Measurement { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags => _tags;

    public IReadOnlyList<KeyValuePair<string, LineValue>> Fields => _fields;

    // For the collector's per-point loops (formatting, the observers): a foreach over the IReadOnlyList allocates an
    // enumerator, two per point, hundreds of thousands a second in a backlog drain.
    internal ReadOnlySpan<KeyValuePair<string, string>> TagSpan => _tags;

    internal ReadOnlySpan<KeyValuePair<string, LineValue>> FieldSpan => _fields;

    public long TimestampNs { get; }

    /// <summary>Null when the point can be written; otherwise the first reason it cannot.</summary>
    public string? Problem
    {
        get
        {
            // Checked once: the converter and the formatter both ask.
            if (!_checked)
            {
                _problem = FindProblem();
                _checked = true;
            }

            return _problem;
        }
    }

    private string? FindProblem()
    {
        if (string.IsNullOrWhiteSpace(Measurement))
        {
            return "empty measurement";
        }

        if (_fields.Length == 0)
        {
            return $"measurement '{Measurement}' has no fields";
        }

        foreach (var (key, _) in _tags)
        {
            if (key.Length == 0)
            {
                return $"measurement '{Measurement}' has an empty tag key";
            }
        }

        foreach (var (key, value) in _fields)
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

    public override string ToString() => LineProtocol.Format(this);
}

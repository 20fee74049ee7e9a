using System.Text;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Writes points in the compact format (proto/Compact/FORMAT.md); see <see cref="CompactBatchCodec"/>.</summary>
internal static class CompactEncoder
{
    public const byte Version = 1;

    /// <summary>The encoding, or null when a point cannot be encoded (a field without value, a lone surrogate, the bounds).</summary>
    public static byte[]? TryEncode(IReadOnlyList<Point> points)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringList = new List<string>();
        var series = new Dictionary<string, int>(StringComparer.Ordinal);
        var seriesList = new List<(int Measurement, (int Key, int Value)[] Tags)>();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groupList = new List<Group>();
        var times = new SortedSet<long>();
        long values = 0;

        int Intern(string s)
        {
            if (!strings.TryGetValue(s, out var index))
            {
                index = stringList.Count;
                strings.Add(s, index);
                stringList.Add(s);
            }

            return index;
        }

        var key = new StringBuilder();
        foreach (var point in points)
        {
            var measurement = Intern(point.Measurement);
            var tags = point.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (Intern(t.Key), Intern(t.Value))).ToArray();
            key.Clear().Append(measurement);
            foreach (var (k, v) in tags)
            {
                key.Append(',').Append(k).Append('=').Append(v);
            }

            if (!series.TryGetValue(key.ToString(), out var seriesIndex))
            {
                seriesIndex = seriesList.Count;
                series.Add(key.ToString(), seriesIndex);
                seriesList.Add((measurement, tags));
            }

            var fields = point.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
            key.Clear();
            foreach (var (name, value) in fields)
            {
                if (Kind(value) is not { } kind)
                {
                    return null;
                }

                key.Append(Intern(name)).Append(':').Append((int)kind).Append(',');
                if (kind == FieldKind.String)
                {
                    Intern(value.StringValue);
                }
            }

            if (!groups.TryGetValue(key.ToString(), out var group))
            {
                group = new Group(fields.Select(f => (Intern(f.Key), Kind(f.Value)!.Value)).ToArray());
                groups.Add(key.ToString(), group);
                groupList.Add(group);
            }

            group.Rows.Add((seriesIndex, point.TimeUnixNs, point));
            times.Add(point.TimeUnixNs);
            values += fields.Length;
        }

        var timeIndex = new Dictionary<long, int>();
        foreach (var t in times)
        {
            timeIndex.Add(t, timeIndex.Count);
        }

        var writer = new CompactWriter();
        writer.WriteByte(Version);
        try
        {
            writer.WriteVarint((ulong)stringList.Count);
            foreach (var s in stringList)
            {
                writer.WriteString(s);
            }
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        writer.WriteVarint((ulong)seriesList.Count);
        foreach (var (measurement, tags) in seriesList)
        {
            writer.WriteVarint((ulong)measurement);
            writer.WriteVarint((ulong)tags.Length);
            foreach (var (k, v) in tags)
            {
                writer.WriteVarint((ulong)k);
                writer.WriteVarint((ulong)v);
            }
        }

        writer.WriteVarint((ulong)times.Count);
        var previous = 0L;
        foreach (var t in times)
        {
            writer.WriteSigned(unchecked(t - previous));
            previous = t;
        }

        writer.WriteVarint((ulong)groupList.Count);
        foreach (var group in groupList)
        {
            WriteGroup(writer, group, timeIndex, strings, stringList);
        }

        var bytes = writer.Written.ToArray();
        return points.Count <= CompactLimits.MaxPoints(bytes.Length) && values <= CompactLimits.MaxValues(bytes.Length) ? bytes : null;
    }

    internal static FieldKind? Kind(FieldValue value) => value.ValueCase switch
    {
        FieldValue.ValueOneofCase.DoubleValue => FieldKind.Double,
        FieldValue.ValueOneofCase.IntValue => FieldKind.Int,
        FieldValue.ValueOneofCase.UintValue => FieldKind.UInt,
        FieldValue.ValueOneofCase.StringValue => FieldKind.String,
        FieldValue.ValueOneofCase.BoolValue => FieldKind.Bool,
        _ => null,
    };

    private static void WriteGroup(
        CompactWriter writer, Group group, Dictionary<long, int> timeIndex, Dictionary<string, int> strings, List<string> stringList)
    {
        // Series-major, then time: the values of one series sit next to each other, so deltas stay small.
        var rows = group.Rows.OrderBy(r => r.Series).ThenBy(r => r.Time).ToArray();
        writer.WriteVarint((ulong)group.Fields.Length);
        foreach (var (name, kind) in group.Fields)
        {
            writer.WriteVarint((ulong)name);
            writer.WriteByte((byte)kind);
        }

        writer.WriteVarint((ulong)rows.Length);
        ColumnWriter.WriteIntegers(writer, rows.Select(r => (long)r.Series).ToArray());
        ColumnWriter.WriteIntegers(writer, rows.Select(r => (long)timeIndex[r.Time]).ToArray());
        foreach (var (name, kind) in group.Fields)
        {
            var fieldName = stringList[name];
            var column = rows.Select(r => r.Point.Fields[fieldName]);
            if (kind == FieldKind.Double)
            {
                ColumnWriter.WriteDoubles(writer, column.Select(v => v.DoubleValue).ToArray());
                continue;
            }

            ColumnWriter.WriteIntegers(writer, column.Select(v => kind switch
            {
                FieldKind.Int => v.IntValue,
                FieldKind.UInt => unchecked((long)v.UintValue),
                FieldKind.Bool => v.BoolValue ? 1L : 0L,
                _ => strings[v.StringValue],
            }).ToArray());
        }
    }

    private sealed class Group((int Name, FieldKind Kind)[] fields)
    {
        public (int Name, FieldKind Kind)[] Fields { get; } = fields;

        public List<(int Series, long Time, Point Point)> Rows { get; } = [];
    }
}

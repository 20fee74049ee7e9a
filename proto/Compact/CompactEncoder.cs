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
        var stringList = new List<string>(StaticStrings.Values);
        for (var i = 0; i < StaticStrings.Values.Length; i++)
        {
            strings.Add(StaticStrings.Values[i], i);
        }

        var series = new Dictionary<string, int>(StringComparer.Ordinal);
        var seriesList = new List<(int Measurement, (int Key, int Value)[] Tags)>();
        var groupList = new List<CompactGroup>();
        var times = new SortedSet<long>();

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
            var tags = new (int Key, int Value)[point.Tags.Count];
            var t = 0;
            foreach (var (k, v) in point.Tags)
            {
                tags[t++] = (Intern(k), Intern(v));
            }

            Array.Sort(tags, (a, b) => string.CompareOrdinal(stringList[a.Key], stringList[b.Key]));
            key.Clear().Append(measurement);
            foreach (var (k, v) in tags)
            {
                key.Append(',').Append(k).Append('=').Append(v);
            }

            var seriesKey = key.ToString();
            if (!series.TryGetValue(seriesKey, out var seriesIndex))
            {
                seriesIndex = seriesList.Count;
                series.Add(seriesKey, seriesIndex);
                seriesList.Add((measurement, tags));
            }

            foreach (var (name, value) in point.Fields)
            {
                if (Kind(value) is not { } kind)
                {
                    return null;
                }

                Intern(name);
                if (kind == FieldKind.String)
                {
                    Intern(value.StringValue);
                }
            }

            var group = groupList.Find(g => g.Measurement == measurement && g.Accepts(point));
            if (group is null)
            {
                group = new CompactGroup(measurement);
                groupList.Add(group);
            }

            group.Add(seriesIndex, point);
            times.Add(point.TimeUnixNs);
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
            writer.WriteVarint((ulong)(stringList.Count - StaticStrings.Values.Length));
            foreach (var s in stringList.Skip(StaticStrings.Values.Length))
            {
                writer.WriteString(s);
            }
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        // Each index as its difference from the same position in the previous series: consecutive interfaces of one
        // device differ by small, repeating steps, which gzip then all but removes.
        writer.WriteVarint((ulong)seriesList.Count);
        var before = (Measurement: 0, Tags: Array.Empty<(int Key, int Value)>());
        foreach (var (measurement, tags) in seriesList)
        {
            writer.WriteSigned(measurement - before.Measurement);
            writer.WriteVarint((ulong)tags.Length);
            for (var t = 0; t < tags.Length; t++)
            {
                var (k, v) = t < before.Tags.Length ? before.Tags[t] : (0, 0);
                writer.WriteSigned(tags[t].Key - k);
                writer.WriteSigned(tags[t].Value - v);
            }

            before = (measurement, tags);
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
            group.Write(writer, timeIndex, strings);
        }

        // The decoder bounds rows × fields of each group plus every point's tags, so that is what must fit.
        var values = groupList.Sum(g => (long)g.Rows.Count * g.FieldCount) + points.Sum(p => (long)p.Tags.Count);
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
}

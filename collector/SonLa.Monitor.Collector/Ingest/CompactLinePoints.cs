using SonLa.Monitor.Collector.Storage;
using SonLa.Monitor.Protocol.Compact;

namespace SonLa.Monitor.Collector.Ingest;

/// <summary>
/// Builds <see cref="LinePoint"/>s straight from a batch's compact columns, without the agent's
/// <see cref="Protocol.V1.Point"/> in between (its maps cost an allocation per tag and field, the larger part of the
/// collector's work per point in a backlog drain). The result is what <see cref="BatchConverter.FromPoint"/> gives for
/// the same points: the site tag set to the authenticated site, tags and fields in key order. A series' tags are sorted
/// once and shared by its points; a group's field order is found once.
/// </summary>
internal static class CompactLinePoints
{
    /// <summary>
    /// Appends the valid points to <paramref name="points"/>; calls <paramref name="drop"/> for each invalid one, naming it
    /// by its number in the batch (<paramref name="firstIndex"/> for the first compact point).
    /// </summary>
    public static void AddTo(CompactColumns columns, string siteId, int firstIndex, List<LinePoint> points, Action<string> drop)
    {
        var seriesTags = new KeyValuePair<string, string>[columns.Series.Length][];
        for (var s = 0; s < seriesTags.Length; s++)
        {
            seriesTags[s] = WithSite(columns.Series[s].Tags, siteId);
        }

        var index = firstIndex;
        foreach (var group in columns.Groups)
        {
            var order = FieldOrder(group.Fields);
            // Per field, the position of each row's value in its column (-1: the row does not have the field). A field every
            // row has (the usual case) needs no map: its rows are 0..n-1 in order, so a row's value is at the row.
            var valueAt = new int[]?[group.Fields.Length];
            for (var f = 0; f < group.Fields.Length; f++)
            {
                if (group.Fields[f].Rows.Length == group.Count)
                {
                    continue;
                }

                var at = new int[group.Count];
                Array.Fill(at, -1);
                var rows = group.Fields[f].Rows;
                for (var i = 0; i < rows.Length; i++)
                {
                    at[rows[i]] = i;
                }

                valueAt[f] = at;
            }

            for (var row = 0; row < group.Count; row++, index++)
            {
                var time = columns.Times[group.TimeIndexes[row]];
                if (time == 0)
                {
                    drop($"point {index}: no time_unix_ns");
                    continue;
                }

                var present = 0;
                foreach (var f in order)
                {
                    present += ValueAt(valueAt[f], row) >= 0 ? 1 : 0;
                }

                var fields = new KeyValuePair<string, LineValue>[present];
                var next = 0;
                foreach (var f in order)
                {
                    var at = ValueAt(valueAt[f], row);
                    if (at >= 0)
                    {
                        var field = group.Fields[f];
                        fields[next++] = new(field.Name, Value(field, at, columns.Strings));
                    }
                }

                var series = columns.Series[group.SeriesIndexes[row]];
                var point = new LinePoint(series.Measurement, seriesTags[group.SeriesIndexes[row]], fields, time, presorted: true);
                if (point.Problem is { } problem)
                {
                    drop($"point {index}: {problem}");
                    continue;
                }

                points.Add(point);
            }
        }
    }

    private static int ValueAt(int[]? map, int row) => map is null ? row : map[row];

    private static KeyValuePair<string, string>[] WithSite(KeyValuePair<string, string>[] tags, string siteId)
    {
        var result = new List<KeyValuePair<string, string>>(tags.Length + 1);
        foreach (var tag in tags)
        {
            if (!string.Equals(tag.Key, BatchConverter.SiteTag, StringComparison.Ordinal))
            {
                result.Add(tag);
            }
        }

        result.Add(new(BatchConverter.SiteTag, siteId));
        var sorted = result.ToArray();
        Array.Sort(sorted, LinePoint.TagOrder);
        return sorted;
    }

    private static int[] FieldOrder(CompactField[] fields)
    {
        var order = new int[fields.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(fields[a].Name, fields[b].Name));
        return order;
    }

    private static LineValue Value(CompactField field, int at, string[] strings) => field.Kind switch
    {
        FieldKind.Double => LineValue.FromDouble(field.Doubles![at]),
        FieldKind.Int => LineValue.FromInteger(field.Integers![at]),
        FieldKind.UInt => LineValue.FromUInteger(unchecked((ulong)field.Integers![at])),
        FieldKind.Bool => LineValue.FromBoolean(field.Integers![at] == 1),
        _ => LineValue.FromString(strings[field.Integers![at]]),
    };
}

using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Reads the compact format back into points; see <see cref="CompactBatchCodec"/>.</summary>
internal static class CompactDecoder
{
    public static List<Point> Decode(ReadOnlySpan<byte> data) => ToPoints(DecodeColumns(data));

    public static CompactColumns DecodeColumns(ReadOnlySpan<byte> data)
    {
        var reader = new CompactReader(data);
        var version = reader.ReadByte("version");
        if (version != CompactEncoder.Version)
        {
            throw reader.Fail($"unknown format version {version}");
        }

        var known = StaticStrings.Values.Length;
        var strings = new string[known + reader.ReadCount("string count", 1)];
        StaticStrings.Values.CopyTo(strings, 0);
        for (var i = known; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString("string");
        }

        var series = ReadSeries(ref reader, strings);
        var times = new long[reader.ReadCount("time count", 1)];
        var time = 0L;
        for (var i = 0; i < times.Length; i++)
        {
            time = unchecked(time + reader.ReadSigned("time"));
            times[i] = time;
        }

        var maxPoints = CompactLimits.MaxPoints(data.Length);
        var maxValues = CompactLimits.MaxValues(data.Length);
        long values = 0;
        var pointCount = 0;
        var groups = new CompactColumnGroup[reader.ReadCount("group count", 4)];
        for (var g = 0; g < groups.Length; g++)
        {
            var fields = ReadSchema(ref reader, strings);
            var count = reader.ReadVarint("point count");
            values += (long)Math.Min(count, (ulong)maxPoints + 1) * fields.Length;
            if (count == 0 || count > (ulong)(maxPoints - pointCount) || values > maxValues)
            {
                throw reader.Fail($"group {g}: point count {count} out of bounds for {data.Length} bytes");
            }

            var seriesColumn = ReadIndexes(ref reader, (int)count, series.Length, "series index");
            // Every point copies its series' tags: a series of many tags repeated by constant columns must not
            // multiply a few bytes into millions of map entries.
            foreach (var index in seriesColumn)
            {
                values += series[index].Tags.Length;
            }

            if (values > maxValues)
            {
                throw reader.Fail($"group {g}: {values} tags and field values out of bounds for {data.Length} bytes");
            }

            groups[g] = ReadGroup(ref reader, seriesColumn, fields, strings, times);
            pointCount += (int)count;
        }

        if (reader.Remaining != 0)
        {
            throw reader.Fail($"{reader.Remaining} bytes after the last group");
        }

        return new CompactColumns(strings, series, times, groups);
    }

    /// <summary>The agent's <see cref="Point"/>s of decoded columns (the agent merges and thins with them).</summary>
    public static List<Point> ToPoints(CompactColumns columns)
    {
        var points = new List<Point>(columns.PointCount);
        foreach (var group in columns.Groups)
        {
            var first = points.Count;
            for (var i = 0; i < group.Count; i++)
            {
                var series = columns.Series[group.SeriesIndexes[i]];
                var point = new Point { Measurement = series.Measurement, TimeUnixNs = columns.Times[group.TimeIndexes[i]] };
                foreach (var (key, value) in series.Tags)
                {
                    point.Tags.Add(key, value);
                }

                points.Add(point);
            }

            foreach (var field in group.Fields)
            {
                for (var i = 0; i < field.Rows.Length; i++)
                {
                    points[first + field.Rows[i]].Fields.Add(field.Name, ToValue(field, i, columns.Strings));
                }
            }
        }

        return points;
    }

    private static CompactSeries[] ReadSeries(ref CompactReader reader, string[] strings)
    {
        var series = new CompactSeries[reader.ReadCount("series count", 2)];
        var previousMeasurement = 0L;
        var previous = Array.Empty<(long Key, long Value)>();
        for (var i = 0; i < series.Length; i++)
        {
            previousMeasurement = Index(ref reader, previousMeasurement, "measurement", strings.Length);
            var measurement = strings[previousMeasurement];
            var indexes = new (long Key, long Value)[reader.ReadCount("tag count", 2)];
            var tags = new KeyValuePair<string, string>[indexes.Length];
            for (var t = 0; t < tags.Length; t++)
            {
                var (k, v) = t < previous.Length ? previous[t] : (0, 0);
                indexes[t] = (Index(ref reader, k, "tag key", strings.Length), Index(ref reader, v, "tag value", strings.Length));
                tags[t] = new(strings[indexes[t].Key], strings[indexes[t].Value]);
                for (var earlier = 0; earlier < t; earlier++)
                {
                    if (string.Equals(tags[earlier].Key, tags[t].Key, StringComparison.Ordinal))
                    {
                        throw reader.Fail($"series {i}: tag key \"{tags[t].Key}\" twice");
                    }
                }
            }

            series[i] = new CompactSeries(measurement, tags);
            previous = indexes;
        }

        return series;
    }

    /// <summary>A string index written as its difference from <paramref name="previous"/>.</summary>
    private static long Index(ref CompactReader reader, long previous, string what, int limit)
    {
        var index = unchecked(previous + reader.ReadSigned(what));
        if (index < 0 || index >= limit)
        {
            throw reader.Fail($"{what} {index} out of range (table has {limit})");
        }

        return index;
    }

    private static (string Name, FieldKind Kind)[] ReadSchema(ref CompactReader reader, string[] strings)
    {
        var fields = new (string Name, FieldKind Kind)[reader.ReadCount("field count", 2)];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Length; f++)
        {
            var name = strings[reader.ReadIndex("field name", strings.Length)];
            var kind = (FieldKind)reader.ReadByte("field kind");
            if (kind is < FieldKind.Double or > FieldKind.Bool)
            {
                throw reader.Fail($"field \"{name}\": unknown kind {(byte)kind}");
            }

            if (!names.Add(name))
            {
                throw reader.Fail($"field \"{name}\" twice in one schema");
            }

            fields[f] = (name, kind);
        }

        return fields;
    }

    private static CompactColumnGroup ReadGroup(
        ref CompactReader reader,
        int[] seriesColumn,
        (string Name, FieldKind Kind)[] schema,
        string[] strings,
        long[] times)
    {
        var count = seriesColumn.Length;
        var timeColumn = ReadIndexes(ref reader, count, times.Length, "time index");
        var fields = new CompactField[schema.Length];
        int[]? everyRow = null;
        for (var f = 0; f < schema.Length; f++)
        {
            var (name, kind) = schema[f];
            var rows = Present(ref reader, count, name, ref everyRow);
            if (kind == FieldKind.Double)
            {
                fields[f] = new CompactField(name, kind, rows, null, ColumnReader.ReadDoubles(ref reader, rows.Length, name));
                continue;
            }

            var column = ColumnReader.ReadIntegers(ref reader, rows.Length, name);
            foreach (var raw in column)
            {
                var valid = kind switch
                {
                    FieldKind.Bool => raw is 0 or 1,
                    FieldKind.String => raw >= 0 && raw < strings.Length,
                    _ => true,
                };
                if (!valid)
                {
                    throw reader.Fail($"field \"{name}\": value {raw} is not a valid {kind}");
                }
            }

            fields[f] = new CompactField(name, kind, rows, column, null);
        }

        return new CompactColumnGroup(seriesColumn, timeColumn, fields);
    }

    /// <summary>
    /// The rows of the group that have the field, from its presence column, in ascending order. A field every row has
    /// (the usual case: a constant column of ones) gets <paramref name="everyRow"/>, one array shared by the group's fields.
    /// </summary>
    private static int[] Present(ref CompactReader reader, int count, string name, ref int[]? everyRow)
    {
        var peek = reader;
        if (peek.Remaining >= 2 && (ColumnMode)peek.ReadByte(name) == ColumnMode.Constant && peek.ReadSigned(name) == 1)
        {
            reader = peek;
            return everyRow ??= Enumerable.Range(0, count).ToArray();
        }

        var presence = ColumnReader.ReadIntegers(ref reader, count, name + " presence");
        var rows = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (presence[i] is not (0 or 1))
            {
                throw reader.Fail($"field \"{name}\": presence {presence[i]} is not 0 or 1");
            }

            if (presence[i] == 1)
            {
                rows.Add(i);
            }
        }

        if (rows.Count == 0)
        {
            throw reader.Fail($"field \"{name}\" present in no point of its group");
        }

        return [.. rows];
    }

    private static FieldValue ToValue(CompactField field, int i, string[] strings) => field.Kind switch
    {
        FieldKind.Double => new FieldValue { DoubleValue = field.Doubles![i] },
        FieldKind.Int => new FieldValue { IntValue = field.Integers![i] },
        FieldKind.UInt => new FieldValue { UintValue = unchecked((ulong)field.Integers![i]) },
        FieldKind.Bool => new FieldValue { BoolValue = field.Integers![i] == 1 },
        _ => new FieldValue { StringValue = strings[field.Integers![i]] },
    };

    private static int[] ReadIndexes(ref CompactReader reader, int count, int limit, string what)
    {
        var raw = ColumnReader.ReadIntegers(ref reader, count, what);
        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (raw[i] < 0 || raw[i] >= limit)
            {
                throw reader.Fail($"{what} {raw[i]} out of range (table has {limit})");
            }

            indexes[i] = (int)raw[i];
        }

        return indexes;
    }
}

using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// Points of one measurement whose fields agree on their kinds, written column by column. A field missing from some
/// points (an interface without alias, a first poll without rates) does not split the group: its presence column says
/// which points have it and its value column holds only theirs.
/// </summary>
internal sealed class CompactGroup(int measurement)
{
    private readonly Dictionary<string, FieldKind> _fields = new(StringComparer.Ordinal);

    public int Measurement { get; } = measurement;

    public List<(int Series, long Time, Point Point)> Rows { get; } = [];

    public int FieldCount => _fields.Count;

    /// <summary>Every field of the point has the kind this group already gives that name (or a name new to it).</summary>
    public bool Accepts(Point point)
    {
        foreach (var (name, value) in point.Fields)
        {
            if (_fields.TryGetValue(name, out var kind) && kind != CompactEncoder.Kind(value))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(int series, Point point)
    {
        foreach (var (name, value) in point.Fields)
        {
            _fields.TryAdd(name, CompactEncoder.Kind(value)!.Value);
        }

        Rows.Add((series, point.TimeUnixNs, point));
    }

    public void Write(CompactWriter writer, Dictionary<long, int> timeIndex, Dictionary<string, int> strings)
    {
        // Series-major, then time: the values of one series sit next to each other, so differences stay small.
        var rows = Rows.OrderBy(r => r.Series).ThenBy(r => r.Time).ToArray();
        var fields = _fields.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        writer.WriteVarint((ulong)fields.Length);
        foreach (var (name, kind) in fields)
        {
            writer.WriteVarint((ulong)strings[name]);
            writer.WriteByte((byte)kind);
        }

        writer.WriteVarint((ulong)rows.Length);
        ColumnWriter.WriteIntegers(writer, rows.Select(r => (long)r.Series).ToArray());
        ColumnWriter.WriteIntegers(writer, rows.Select(r => (long)timeIndex[r.Time]).ToArray());
        var presence = new long[rows.Length];
        var present = new List<FieldValue>(rows.Length);
        foreach (var (name, kind) in fields)
        {
            present.Clear();
            for (var i = 0; i < rows.Length; i++)
            {
                var has = rows[i].Point.Fields.TryGetValue(name, out var value);
                presence[i] = has ? 1 : 0;
                if (has)
                {
                    present.Add(value!);
                }
            }

            ColumnWriter.WriteIntegers(writer, presence);
            if (kind == FieldKind.Double)
            {
                ColumnWriter.WriteDoubles(writer, present.Select(v => v.DoubleValue).ToArray());
                continue;
            }

            ColumnWriter.WriteIntegers(writer, present.Select(v => kind switch
            {
                FieldKind.Int => v.IntValue,
                FieldKind.UInt => unchecked((long)v.UintValue),
                FieldKind.Bool => v.BoolValue ? 1L : 0L,
                _ => strings[v.StringValue],
            }).ToArray());
        }
    }
}

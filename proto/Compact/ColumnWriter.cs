namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Writes one column of a group in whichever <see cref="ColumnMode"/> is smallest.</summary>
internal static class ColumnWriter
{
    public static void WriteIntegers(CompactWriter writer, long[] values)
    {
        var runs = Runs(values);
        if (runs.Count == 1)
        {
            writer.WriteByte((byte)ColumnMode.Constant);
            writer.WriteSigned(values[0]);
            return;
        }

        long deltaSize = 0, plainSize = 0, runsSize = CompactWriter.VarintLength((ulong)runs.Count), previous = 0;
        foreach (var value in values)
        {
            deltaSize += CompactWriter.SignedLength(unchecked(value - previous));
            plainSize += CompactWriter.SignedLength(value);
            previous = value;
        }

        foreach (var (value, length) in runs)
        {
            runsSize += CompactWriter.SignedLength(value) + CompactWriter.VarintLength((ulong)length);
        }

        if (runsSize < deltaSize && runsSize < plainSize)
        {
            writer.WriteByte((byte)ColumnMode.Runs);
            writer.WriteVarint((ulong)runs.Count);
            foreach (var (value, length) in runs)
            {
                writer.WriteSigned(value);
                writer.WriteVarint((ulong)length);
            }

            return;
        }

        var delta = deltaSize <= plainSize;
        writer.WriteByte((byte)(delta ? ColumnMode.Delta : ColumnMode.Plain));
        previous = 0;
        foreach (var value in values)
        {
            writer.WriteSigned(delta ? unchecked(value - previous) : value);
            previous = value;
        }
    }

    /// <summary>Constant, integral (an integer column, when every value is a small integral), else plain tagged doubles.</summary>
    public static void WriteDoubles(CompactWriter writer, double[] values)
    {
        var first = BitConverter.DoubleToInt64Bits(values[0]);
        if (values.All(v => BitConverter.DoubleToInt64Bits(v) == first))
        {
            writer.WriteByte((byte)ColumnMode.Constant);
            writer.WriteDouble(values[0]);
            return;
        }

        var integrals = new long[values.Length];
        var allIntegral = true;
        for (var i = 0; i < values.Length && allIntegral; i++)
        {
            allIntegral = CompactWriter.IsSmallIntegral(values[i], out integrals[i]);
        }

        if (allIntegral)
        {
            writer.WriteByte((byte)ColumnMode.Delta);
            WriteIntegers(writer, integrals);
            return;
        }

        writer.WriteByte((byte)ColumnMode.Plain);
        foreach (var value in values)
        {
            writer.WriteDouble(value);
        }
    }

    private static List<(long Value, int Length)> Runs(long[] values)
    {
        var runs = new List<(long Value, int Length)>();
        foreach (var value in values)
        {
            if (runs.Count > 0 && runs[^1].Value == value)
            {
                runs[^1] = (value, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((value, 1));
            }
        }

        return runs;
    }
}

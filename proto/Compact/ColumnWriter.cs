namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Writes one column of a group in whichever <see cref="ColumnMode"/> is smallest.</summary>
internal static class ColumnWriter
{
    public static void WriteIntegers(CompactWriter writer, long[] values)
    {
        if (AllEqual(values))
        {
            writer.WriteByte((byte)ColumnMode.Constant);
            writer.WriteSigned(values[0]);
            return;
        }

        long deltaSize = 0, plainSize = 0, previous = 0;
        foreach (var value in values)
        {
            deltaSize += CompactWriter.SignedLength(unchecked(value - previous));
            plainSize += CompactWriter.SignedLength(value);
            previous = value;
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

    /// <summary>Constant, Delta (every value a small integral: written as an integer column), else Plain tagged doubles.</summary>
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
            long deltaSize = 0, plainSize = 0, previous = 0;
            foreach (var value in integrals)
            {
                deltaSize += CompactWriter.SignedLength(value - previous);
                plainSize += CompactWriter.VarintLength(CompactWriter.ZigZag(value) << 1);
                previous = value;
            }

            if (deltaSize < plainSize)
            {
                writer.WriteByte((byte)ColumnMode.Delta);
                previous = 0;
                foreach (var value in integrals)
                {
                    writer.WriteSigned(value - previous);
                    previous = value;
                }

                return;
            }
        }

        writer.WriteByte((byte)ColumnMode.Plain);
        foreach (var value in values)
        {
            writer.WriteDouble(value);
        }
    }

    private static bool AllEqual(long[] values)
    {
        foreach (var value in values)
        {
            if (value != values[0])
            {
                return false;
            }
        }

        return true;
    }
}

namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Reads the columns <see cref="ColumnWriter"/> wrote; counts are already bounded by <see cref="CompactLimits"/>.</summary>
internal static class ColumnReader
{
    private const long MaxExactIntegral = 1L << 53;

    public static long[] ReadIntegers(ref CompactReader reader, int count, string what)
    {
        var mode = (ColumnMode)reader.ReadByte(what);
        if (mode == ColumnMode.Constant)
        {
            var value = reader.ReadSigned(what);
            var constant = new long[count];
            Array.Fill(constant, value);
            return constant;
        }

        if (mode is not (ColumnMode.Delta or ColumnMode.Plain))
        {
            throw reader.Fail($"{what}: unknown column mode {(byte)mode}");
        }

        // Each value takes at least one byte: refuse before allocating for a count the input cannot hold.
        if (count > reader.Remaining)
        {
            throw reader.Fail($"{what}: {count} values but only {reader.Remaining} bytes left");
        }

        var values = new long[count];
        var previous = 0L;
        for (var i = 0; i < count; i++)
        {
            var raw = reader.ReadSigned(what);
            values[i] = mode == ColumnMode.Delta ? unchecked(previous + raw) : raw;
            previous = values[i];
        }

        return values;
    }

    public static double[] ReadDoubles(ref CompactReader reader, int count, string what)
    {
        var mode = (ColumnMode)reader.ReadByte(what);
        switch (mode)
        {
            case ColumnMode.Constant:
                var value = reader.ReadDouble(what);
                var constant = new double[count];
                Array.Fill(constant, value);
                return constant;
            case ColumnMode.Delta:
                if (count > reader.Remaining)
                {
                    throw reader.Fail($"{what}: {count} values but only {reader.Remaining} bytes left");
                }

                var integrals = new double[count];
                var previous = 0L;
                for (var i = 0; i < count; i++)
                {
                    previous = unchecked(previous + reader.ReadSigned(what));
                    if (previous is > MaxExactIntegral or < -MaxExactIntegral)
                    {
                        throw reader.Fail($"{what}: integral double {previous} beyond 2^53");
                    }

                    integrals[i] = previous;
                }

                return integrals;
            case ColumnMode.Plain:
                if (count > reader.Remaining)
                {
                    throw reader.Fail($"{what}: {count} values but only {reader.Remaining} bytes left");
                }

                var values = new double[count];
                for (var i = 0; i < count; i++)
                {
                    values[i] = reader.ReadDouble(what);
                }

                return values;
            default:
                throw reader.Fail($"{what}: unknown column mode {(byte)mode}");
        }
    }
}

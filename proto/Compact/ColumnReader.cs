namespace SonLa.Monitor.Protocol.Compact;

/// <summary>Reads the columns <see cref="ColumnWriter"/> wrote; counts are already bounded by <see cref="CompactLimits"/>.</summary>
internal static class ColumnReader
{
    private const long MaxExactIntegral = 1L << 53;

    public static long[] ReadIntegers(ref CompactReader reader, int count, string what)
    {
        var mode = (ColumnMode)reader.ReadByte(what);
        switch (mode)
        {
            case ColumnMode.Constant:
                var constant = new long[count];
                Array.Fill(constant, reader.ReadSigned(what));
                return constant;
            case ColumnMode.Runs:
                return ReadRuns(ref reader, count, what);
            case ColumnMode.Delta or ColumnMode.Plain:
                break;
            default:
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
                var constant = new double[count];
                Array.Fill(constant, reader.ReadDouble(what));
                return constant;
            case ColumnMode.Delta:
                var integrals = ReadIntegers(ref reader, count, what);
                var converted = new double[count];
                for (var i = 0; i < count; i++)
                {
                    if (integrals[i] is > MaxExactIntegral or < -MaxExactIntegral)
                    {
                        throw reader.Fail($"{what}: integral double {integrals[i]} beyond 2^53");
                    }

                    converted[i] = integrals[i];
                }

                return converted;
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

    private static long[] ReadRuns(ref CompactReader reader, int count, string what)
    {
        var runs = reader.ReadCount($"{what}: run count", 2);
        var values = new long[count];
        var filled = 0;
        for (var r = 0; r < runs; r++)
        {
            var value = reader.ReadSigned(what);
            var length = reader.ReadVarint($"{what}: run length");
            if (length == 0 || length > (ulong)(count - filled))
            {
                throw reader.Fail($"{what}: run of {length} where {count - filled} values remain");
            }

            Array.Fill(values, value, filled, (int)length);
            filled += (int)length;
        }

        if (filled != count)
        {
            throw reader.Fail($"{what}: runs cover {filled} of {count} values");
        }

        return values;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.Storage;

/// <summary>
/// Formats <see cref="LinePoint"/>s as InfluxDB line protocol, the one body both the 1.x
/// <c>/write</c> endpoint and the 2.x/3.x <c>/api/v2/write</c> endpoint accept.
/// </summary>
/// <remarks>
/// Escaping: measurement escapes comma and space; tag keys, tag values and field keys escape
/// comma, equals sign and space; string field values escape double quote and backslash.
/// Line protocol cannot escape a newline outside a string field, so CR/LF there become spaces;
/// inside string fields they are kept (InfluxDB parses quoted newlines; verified on 1.6.7).
/// A backslash in a name is literal, except where it would swallow the next delimiter (last
/// character, or before an escaped character): there it is doubled so the line still parses.
/// Tags with an empty value are left out: InfluxDB has no empty tag, absent is the same thing.
/// </remarks>
public static class LineProtocol
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static string Format(LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return Format([point]);
    }

    /// <summary>All points, one line each, joined by '\n' (no trailing newline).</summary>
    public static string Format(IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var output = new ArrayBufferWriter<byte>(Math.Max(256, points.Count * 160));
        Write(output, points);
        return Utf8.GetString(output.WrittenSpan);
    }

    /// <summary>
    /// All points as UTF-8 line protocol, one line each, joined by '\n' (no trailing newline), written straight into
    /// <paramref name="output"/>: this runs for every point the collector stores, so no string per line or number.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                WriteByte(output, (byte)'\n');
            }

            Write(output, points[i]);
        }
    }

    private static void Write(IBufferWriter<byte> output, LinePoint point)
    {
        if (point.Problem is { } problem)
        {
            throw new ArgumentException($"Point cannot be written: {problem}.", nameof(point));
        }

        WriteName(output, point.Measurement, MeasurementSpecials);
        foreach (var (key, value) in point.TagSpan)
        {
            if (value.Length == 0)
            {
                continue;
            }

            WriteByte(output, (byte)',');
            WriteName(output, key, KeySpecials);
            WriteByte(output, (byte)'=');
            WriteName(output, value, KeySpecials);
        }

        var first = true;
        foreach (var (key, value) in point.FieldSpan)
        {
            WriteByte(output, first ? (byte)' ' : (byte)',');
            first = false;
            WriteName(output, key, KeySpecials);
            WriteByte(output, (byte)'=');
            WriteValue(output, value);
        }

        WriteByte(output, (byte)' ');
        WriteNumber(output, point.TimestampNs);
    }

    private const string MeasurementSpecials = ", ";
    private const string KeySpecials = ",= ";

    // Anything that needs escaping or replacing in a name: most names have none and are copied whole.
    private static readonly SearchValues<char> MeasurementEscapes = SearchValues.Create(MeasurementSpecials + "\\\n\r");
    private static readonly SearchValues<char> KeyEscapes = SearchValues.Create(KeySpecials + "\\\n\r");

    private static void WriteName(IBufferWriter<byte> output, string text, string specials)
    {
        var escapes = ReferenceEquals(specials, MeasurementSpecials) ? MeasurementEscapes : KeyEscapes;
        if (text.AsSpan().IndexOfAny(escapes) < 0)
        {
            Utf8.GetBytes(text.AsSpan(), output);
            return;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                c = ' ';
            }

            if (c == '\\')
            {
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                var swallows = next == '\0' || next is '\n' or '\r' || specials.Contains(next, StringComparison.Ordinal);
                builder.Append(swallows ? @"\\" : @"\");
                continue;
            }

            if (specials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        Utf8.GetBytes(builder.ToString().AsSpan(), output);
    }

    private static void WriteValue(IBufferWriter<byte> output, LineValue value)
    {
        switch (value.Kind)
        {
            case LineValueKind.Double:
                WriteDouble(output, value.AsDouble);
                break;
            case LineValueKind.Integer:
                WriteNumber(output, value.AsInteger);
                WriteByte(output, (byte)'i');
                break;
            case LineValueKind.UInteger:
                // Wrapped into int64 on purpose: see LineValue.
                WriteNumber(output, unchecked((long)value.AsUInteger));
                WriteByte(output, (byte)'i');
                break;
            case LineValueKind.Boolean:
                output.Write(value.AsBoolean ? "true"u8 : "false"u8);
                break;
            default:
                WriteString(output, value.AsString);
                break;
        }
    }

    private static void WriteString(IBufferWriter<byte> output, string text)
    {
        WriteByte(output, (byte)'"');
        var rest = text.AsSpan();
        int special;
        while ((special = rest.IndexOfAny('"', '\\')) >= 0)
        {
            Utf8.GetBytes(rest[..special], output);
            WriteByte(output, (byte)'\\');
            WriteByte(output, (byte)rest[special]);
            rest = rest[(special + 1)..];
        }

        Utf8.GetBytes(rest, output);
        WriteByte(output, (byte)'"');
    }

    private static void WriteNumber(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a 64-bit integer did not fit in 20 bytes");
        }

        output.Advance(written);
    }

    private static void WriteDouble(IBufferWriter<byte> output, double value)
    {
        // "R": the shortest text that parses back to the same double, as InfluxDB's float fields need.
        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a double did not fit in 32 bytes");
        }

        output.Advance(written);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}

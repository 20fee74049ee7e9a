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
    public static string Format(LinePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var builder = new StringBuilder(128);
        Append(builder, point);
        return builder.ToString();
    }

    /// <summary>All points, one line each, joined by '\n' (no trailing newline).</summary>
    public static string Format(IReadOnlyList<LinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var builder = new StringBuilder(points.Count * 128);
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('\n');
            }

            Append(builder, points[i]);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, LinePoint point)
    {
        if (point.Problem is { } problem)
        {
            throw new ArgumentException($"Point cannot be written: {problem}.", nameof(point));
        }

        AppendName(builder, point.Measurement, MeasurementSpecials);
        foreach (var (key, value) in point.Tags)
        {
            if (value.Length == 0)
            {
                continue;
            }

            builder.Append(',');
            AppendName(builder, key, KeySpecials);
            builder.Append('=');
            AppendName(builder, value, KeySpecials);
        }

        var first = true;
        foreach (var (key, value) in point.Fields)
        {
            builder.Append(first ? ' ' : ',');
            first = false;
            AppendName(builder, key, KeySpecials);
            builder.Append('=');
            AppendValue(builder, value);
        }

        builder.Append(' ').Append(CultureInfo.InvariantCulture, $"{point.TimestampNs}");
    }

    private const string MeasurementSpecials = ", ";
    private const string KeySpecials = ",= ";

    // Anything that needs escaping or replacing in a name: most names have none and are copied whole.
    private static readonly SearchValues<char> MeasurementEscapes = SearchValues.Create(MeasurementSpecials + "\\\n\r");
    private static readonly SearchValues<char> KeyEscapes = SearchValues.Create(KeySpecials + "\\\n\r");

    private static void AppendName(StringBuilder builder, string text, string specials)
    {
        var escapes = ReferenceEquals(specials, MeasurementSpecials) ? MeasurementEscapes : KeyEscapes;
        if (text.AsSpan().IndexOfAny(escapes) < 0)
        {
            builder.Append(text);
            return;
        }

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
    }

    private static void AppendValue(StringBuilder builder, LineValue value)
    {
        switch (value.Kind)
        {
            case LineValueKind.Double:
                builder.Append(CultureInfo.InvariantCulture, $"{value.AsDouble:R}");
                break;
            case LineValueKind.Integer:
                builder.Append(CultureInfo.InvariantCulture, $"{value.AsInteger}i");
                break;
            case LineValueKind.UInteger:
                // Wrapped into int64 on purpose: see LineValue.
                builder.Append(CultureInfo.InvariantCulture, $"{unchecked((long)value.AsUInteger)}i");
                break;
            case LineValueKind.Boolean:
                builder.Append(value.AsBoolean ? "true" : "false");
                break;
            default:
                builder.Append('"');
                if (value.AsString.AsSpan().IndexOfAny('"', '\\') < 0)
                {
                    builder.Append(value.AsString).Append('"');
                    break;
                }

                foreach (var c in value.AsString)
                {
                    if (c is '"' or '\\')
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                }

                builder.Append('"');
                break;
        }
    }
}

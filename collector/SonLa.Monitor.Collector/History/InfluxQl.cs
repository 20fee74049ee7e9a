using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Collector.History;

/// <summary>
/// Literals and identifiers of InfluxQL. Every value that comes from a user or a device (site ids, device names,
/// if_index, event kinds) goes into a query only through <see cref="String"/>, so it stays one string literal
/// whatever it holds.
/// </summary>
public static class InfluxQl
{
    /// <summary>
    /// A single-quoted string literal. InfluxQL's scanner ends a literal at an unescaped quote and refuses a raw newline
    /// inside one; it knows the escapes <c>\\</c>, <c>\'</c>, <c>\"</c> and <c>\n</c>. Its reader turns a carriage return
    /// into a newline, which cannot be escaped: such a value cannot be written at all (the endpoints refuse control
    /// characters before this).
    /// </summary>
    /// <exception cref="ArgumentException">The value holds a carriage return.</exception>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\r', StringComparison.Ordinal))
        {
            throw new ArgumentException("an InfluxQL string literal cannot hold a carriage return", nameof(value));
        }

        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '\'' => text.Append(@"\'"),
                '\n' => text.Append(@"\n"),
                _ => text.Append(c),
            };
        }

        return text.Append('\'').ToString();
    }

    /// <summary>A double-quoted identifier (measurement, field or tag key).</summary>
    public static string Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 2).Append('"');
        foreach (var c in name)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append(@"\n"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>A time literal (RFC 3339, UTC, to the millisecond) for <c>time &gt;= ...</c> comparisons.</summary>
    public static string Time(DateTimeOffset time) =>
        "'" + time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "'";

    /// <summary>A duration literal in seconds, e.g. <c>300s</c>, for <c>GROUP BY time(...)</c>.</summary>
    public static string Duration(TimeSpan duration) =>
        ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}

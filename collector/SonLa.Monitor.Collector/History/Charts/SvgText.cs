using System.Text;

namespace SonLa.Monitor.Collector.History.Charts;

/// <summary>Text and attribute values for SVG (XML 1.0): names come from users and devices, so everything goes through here.</summary>
public static class SvgText
{
    /// <summary>
    /// Escapes &amp; &lt; &gt; " ' and replaces what XML 1.0 cannot hold at all (control characters other than tab, CR, LF;
    /// lone surrogates; U+FFFE/U+FFFF) with '?', so the document stays well-formed whatever the name.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }

            _ = c switch
            {
                '&' => result.Append("&amp;"),
                '<' => result.Append("&lt;"),
                '>' => result.Append("&gt;"),
                '"' => result.Append("&quot;"),
                '\'' => result.Append("&apos;"),
                '\t' or '\n' or '\r' => result.Append(' '),
                _ when c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => result.Append('?'),
                _ => result.Append(c),
            };
        }

        return result.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters, with an ellipsis when cut (long device names must not overflow).</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}

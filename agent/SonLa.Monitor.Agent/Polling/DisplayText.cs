using System.Text;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// Turns a DisplayString/SnmpAdminString into text for tags and fields: UTF-8 when the bytes are valid
/// UTF-8 (Vietnamese names), else Latin-1 (old devices' "Notélé"), never hex; trailing NULs and control
/// characters removed, since they break line protocol and dashboards.
/// </summary>
public static class DisplayText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }

        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.TrimEnd('\0'))
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}

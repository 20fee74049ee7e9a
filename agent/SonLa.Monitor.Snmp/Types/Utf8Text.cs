using System.Text.Unicode;

namespace SonLa.Monitor.Snmp.Types;

/// <summary>Decides whether octets are text a person can read (for JSON "value" and TryGetText).</summary>
internal static class Utf8Text
{
    public static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            // C0 controls other than tab/LF/CR, and DEL, mean binary data (NUL padding, MACs, ...).
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) || b == 0x7F)
            {
                return false;
            }
        }

        // C1 controls (U+0080..U+009F) are encoded C2 80..C2 9F.
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xC2 && bytes[i + 1] < 0xA0)
            {
                return false;
            }
        }

        return true;
    }
}

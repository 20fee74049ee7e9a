using System.Text;

namespace SonLa.Monitor.Collector.Sites;

/// <summary>
/// Vietnamese alphabetical order without ICU (the project runs with InvariantGlobalization, where CultureInfo("vi-VN")
/// compares ordinally and would put "Đ" after "Z" and "Ả" after "Y"). Letters follow the Vietnamese alphabet
/// (a ă â b c d đ e ê … o ô ơ … u ư …) as primary differences; tones (none, huyền, hỏi, ngã, sắc, nặng) are secondary,
/// case tertiary, as in CLDR's "vi" collation. <see cref="SortKey"/> turns a text into a string whose ordinal order is
/// that order, so a list is keyed once and sorted with <see cref="string.CompareOrdinal(string, string)"/>.
/// </summary>
public static class VietnameseCollation
{
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Each vowel with its tones in CLDR order: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng).
    private static readonly string[] Tones =
    [
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
    ];

    // Combining marks of decomposed text (NFD): tones in the order of Tones' columns, and the letter modifiers.
    private const string ToneMarks = "\u0300\u0309\u0303\u0301\u0323";

    private static readonly (char Base, char Modified, char Mark)[] Modifiers =
    [
        ('a', 'ă', '\u0306'), ('a', 'â', '\u0302'), ('e', 'ê', '\u0302'), ('o', 'ô', '\u0302'), ('o', 'ơ', '\u031B'), ('u', 'ư', '\u031B'),
    ];

    private static readonly Dictionary<char, (char Primary, char Tone)> Letters = Build();

    private static readonly Dictionary<(char Letter, char Mark), char> Combinations = BuildCombinations();

    /// <summary>Compares two texts in Vietnamese order.</summary>
    public static int Compare(string? x, string? y) => string.CompareOrdinal(SortKey(x ?? ""), SortKey(y ?? ""));

    /// <summary>A key whose ordinal order is the Vietnamese order of the texts: letters, then tones, then case, then the text.</summary>
    public static string SortKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var primary = new StringBuilder(text.Length * 3 + 3);
        var tones = new StringBuilder(text.Length);
        var cases = new StringBuilder(text.Length);
        char? last = null;
        foreach (var c in text)
        {
            // Invariant globalization cannot normalize: a combining tone or modifier is folded into the letter before it.
            if (last is { } previous && Combinations.TryGetValue((previous, c), out var combined))
            {
                var folded = Letters[combined];
                primary[^1] = folded.Primary;
                tones[^1] = folded.Tone;
                last = combined;
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            last = null;
            if (Letters.TryGetValue(lower, out var letter))
            {
                primary.Append(letter.Primary);
                tones.Append(letter.Tone);
                last = lower;
            }
            else
            {
                // Digits, spaces and punctuation keep their (lower) code points, before every letter; other scripts after.
                primary.Append(lower < 0x80 ? lower : (char)Math.Min(0xFFFF, 0x1000 + lower));
                tones.Append('0');
            }

            cases.Append(lower == c ? '0' : '1');
        }

        return primary.Append('\0').Append(tones).Append('\0').Append(cases).Append('\0').Append(text).ToString();
    }

    private static Dictionary<char, (char, char)> Build()
    {
        var letters = new Dictionary<char, (char, char)>();
        for (var i = 0; i < Alphabet.Length; i++)
        {
            // Above ASCII, so that every letter sorts after digits, spaces and punctuation.
            letters[Alphabet[i]] = ((char)(0x100 + i), '0');
        }

        foreach (var vowel in Tones)
        {
            var primary = letters[vowel[0]].Item1;
            for (var tone = 0; tone < vowel.Length; tone++)
            {
                letters[vowel[tone]] = (primary, (char)('0' + tone));
            }
        }

        return letters;
    }

    private static Dictionary<(char, char), char> BuildCombinations()
    {
        var combinations = new Dictionary<(char, char), char>();
        foreach (var vowel in Tones)
        {
            for (var tone = 1; tone < vowel.Length; tone++)
            {
                combinations[(vowel[0], ToneMarks[tone - 1])] = vowel[tone];
            }
        }

        // NFD puts a dot below before a circumflex ("ệ" = e, dot, circumflex): a modifier applies to a toned letter too.
        foreach (var (letter, modified, mark) in Modifiers)
        {
            var from = Array.Find(Tones, t => t[0] == letter)!;
            var to = Array.Find(Tones, t => t[0] == modified)!;
            for (var tone = 0; tone < from.Length; tone++)
            {
                combinations[(from[tone], mark)] = to[tone];
            }
        }

        return combinations;
    }
}

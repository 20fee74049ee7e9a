using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SonLa.Monitor.Agent.SelfCheck;

namespace SonLa.Monitor.Agent.Tests.SelfCheck;

/// <summary>Every self-check sentence reviewed: proper Vietnamese (diacritics, NFC, no '?' or U+FFFD), English, same placeholders.</summary>
public sealed partial class SelfCheckTextsTests
{
    /// <summary>Letters only Vietnamese has here (a precomposed vowel with a diacritic, or đ): each vi text must hold one.</summary>
    private const string VietnameseLetters =
        "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
        "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

    /// <summary>The ones that are the same in both languages on purpose.</summary>
    private static readonly string[] LanguageNeutral = ["StatusOk"];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SelfCheckTexts.All)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Catalogue_HasEveryCheckFamily()
    {
        Assert.True(SelfCheckTexts.All.Count >= 80, SelfCheckTexts.All.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(SelfCheckTexts.All, t => t.Name == nameof(SelfCheckTexts.DeviceWrongPrivHint));
        Assert.Contains(SelfCheckTexts.All, t => t.Name == nameof(SelfCheckTexts.ClockWrong));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void VietnameseText_ProperUtf8WithDiacritics(string name)
    {
        var text = SelfCheckTexts.All.Single(t => t.Name == name).Text;
        Assert.False(string.IsNullOrWhiteSpace(text.Vi), name);
        Assert.DoesNotContain('?', text.Vi);
        Assert.DoesNotContain('\uFFFD', text.Vi);
        Assert.True(text.Vi.IsNormalized(NormalizationForm.FormC), name + " is not NFC");
        Assert.Equal(text.Vi, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text.Vi)));
        if (!LanguageNeutral.Contains(name))
        {
            Assert.True(text.Vi.Any(VietnameseLetters.Contains), $"{name}: no Vietnamese letter in \"{text.Vi}\"");
            Assert.NotEqual(text.En, text.Vi);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EnglishText_PlainAndSamePlaceholders(string name)
    {
        var text = SelfCheckTexts.All.Single(t => t.Name == name).Text;
        Assert.False(string.IsNullOrWhiteSpace(text.En), name);
        Assert.All(text.En, c => Assert.True(c < 128 || c == '→', $"{name}: non-ASCII '{c}' in English"));
        Assert.Equal(Placeholders(text.En), Placeholders(text.Vi));
        // Both must format with as many arguments as the highest placeholder asks for.
        var args = Enumerable.Repeat<object?>(1.5, Placeholders(text.Vi).DefaultIfEmpty(-1).Max() + 1).ToArray();
        _ = text.Format(args);
    }

    [Fact]
    public void Format_InvariantNumbers_InBothLanguages()
    {
        var text = SelfCheckTexts.ClockSkewed.Format(2.5, "ntp.example");
        Assert.Equal("Đồng hồ của máy lệch 2.5 giây so với máy chủ giờ ntp.example.", text.Vi);
        Assert.Equal("The clock is 2.5 s off the time server ntp.example.", text.En);
    }

    private static SortedSet<int> Placeholders(string template) =>
        [.. PlaceholderPattern().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

using SonLa.Monitor.Collector.Sites;

namespace SonLa.Monitor.Collector.Tests.Sites;

/// <summary>Vietnamese alphabetical order without ICU (the project runs with invariant globalization).</summary>
public class VietnameseCollationTests
{
    [Fact]
    public void Names_AreInVietnameseAlphabeticalOrder()
    {
        string[] expected =
        [
            "Xã An", "Xã Ăn", "Xã Âm", "Xã Bó Mười", "Xã Chiềng An", "Xã Chiềng Cọ", "Xã Chiềng Cơi", "Xã Chiềng Đen",
            "Xã Dồm Cang", "Xã Đá Đỏ", "Xã Em", "Xã Êm", "Xã Hua La", "Xã Mường Bú", "Xã Mường Chùm", "Xã Ô", "Xã Ơ", "Xã Ư", "Xã Yên",
        ];
        var shuffled = expected.Reverse().ToArray();
        Array.Sort(shuffled, VietnameseCollation.Compare);
        Assert.Equal(expected, shuffled);
    }

    [Fact]
    public void Tones_ComeAfterLetters_InTheirDictionaryOrder()
    {
        string[] expected = ["ma", "mà", "mả", "mã", "má", "mạ", "mac", "mach"];
        var sorted = expected.OrderBy(s => s, Comparer<string>.Create(VietnameseCollation.Compare)).ToArray();
        Assert.Equal(expected, sorted);
        // A tone only counts where the letters are equal: "má" < "mac".
        Assert.True(VietnameseCollation.Compare("mạ", "mac") < 0);
    }

    [Fact]
    public void Case_And_DecomposedText_DoNotChangeThePlace()
    {
        Assert.True(VietnameseCollation.Compare("ĐIỆN BIÊN", "Đồi") < 0);
        Assert.True(VietnameseCollation.Compare("đá", "Đá") < 0);
        Assert.True(VietnameseCollation.Compare("ĐÁ", "Dz") > 0);
        // "Chiềng" written with combining marks (NFD) sorts as the composed one.
        var decomposed = "Chie\u0302\u0300ng";
        Assert.Equal(VietnameseCollation.SortKey("Chiềng")[..14], VietnameseCollation.SortKey(decomposed)[..14]);
        Assert.True(VietnameseCollation.Compare(decomposed, "Chiềng An") < 0);
        // "Mường Ệ" in NFD: the horn and the dot below before the circumflex.
        Assert.Equal(VietnameseCollation.SortKey("Mường Ệ")[..20], VietnameseCollation.SortKey("Mu\u031Bo\u031B\u0300ng E\u0323\u0302")[..20]);
    }
}

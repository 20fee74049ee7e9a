using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Snmp.Tests.Types;

public sealed class ObjectIdentifierTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.3.0")]
    [InlineData(".1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.3.0")]
    [InlineData(" .1.3.6.1.4.1.99999.5.4294967295 ", "1.3.6.1.4.1.99999.5.4294967295")]
    [InlineData("2.999.1", "2.999.1")]
    [InlineData("1", "1")]
    [InlineData("1.3.6.1 ", "1.3.6.1")]
    public void Parse_Valid(string text, string expected) =>
        Assert.Equal(expected, ObjectIdentifier.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1..3")]
    [InlineData("1.3.")]
    [InlineData("1.3.6.1.4294967296")]
    [InlineData("1.3.-6")]
    [InlineData("1.3.+6")]
    [InlineData("3.1")]
    [InlineData("1.40")]
    [InlineData("iso.3.6")]
    [InlineData("1.3. 6")]
    public void TryParse_Invalid(string text)
    {
        Assert.False(ObjectIdentifier.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ObjectIdentifier.Parse(text));
    }

    [Fact]
    public void Parse_TooManyArcs_Fails() =>
        Assert.False(ObjectIdentifier.TryParse(string.Join('.', Enumerable.Repeat("1", 129)), out _));

    [Theory]
    [InlineData("1.3.6.1", "1.3.6.1.2", -1)]
    [InlineData("1.3.6.1.2", "1.3.6.1.10", -1)]
    [InlineData("1.3.6.1.4294967295", "1.3.6.2", -1)]
    [InlineData("1.3.6.1.4294967295", "1.3.6.1.268435456", 1)]
    [InlineData("1.3.6", "1.3.6", 0)]
    public void CompareTo_IsLexicographicBySubIdentifier(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(ObjectIdentifier.Parse(left).CompareTo(ObjectIdentifier.Parse(right))));
        Assert.Equal(-sign, Math.Sign(ObjectIdentifier.Parse(right).CompareTo(ObjectIdentifier.Parse(left))));
    }

    [Fact]
    public void EqualityAndHash_ByValue()
    {
        var a = ObjectIdentifier.Parse("1.3.6.1.2.1");
        var b = ObjectIdentifier.Parse(".1.3.6.1.2.1");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.Append(0));
    }

    [Fact]
    public void StartsWith_Suffix_Append_Indexer()
    {
        var ifDescr = ObjectIdentifier.Parse("1.3.6.1.2.1.2.2.1.2");
        var row = ifDescr.Append(4294967295);
        Assert.True(row.StartsWith(ifDescr));
        Assert.False(ifDescr.StartsWith(row));
        Assert.True(ifDescr.StartsWith(ifDescr));
        Assert.Equal([4294967295u], row.Suffix(ifDescr).ToArray());
        Assert.Equal(11, row.Length);
        Assert.Equal(4294967295u, row[10]);
        Assert.Equal("1.3.6.1.2.1.2.2.1.2.10.0.0.1", ifDescr.Append([10u, 0u, 0u, 1u]).ToString());
        Assert.Throws<ArgumentException>(() => ifDescr.Suffix(row).ToArray());
    }

    [Fact]
    public void ArcRules_AreEnforced()
    {
        Assert.Throws<ArgumentException>(() => new ObjectIdentifier([3u, 1u]));
        Assert.Throws<ArgumentException>(() => new ObjectIdentifier([1u, 40u]));
        Assert.Equal("2.4294967215", new ObjectIdentifier([2u, 4294967215u]).ToString());
        Assert.Throws<ArgumentException>(() => new ObjectIdentifier([2u, 4294967216u]));
    }
}

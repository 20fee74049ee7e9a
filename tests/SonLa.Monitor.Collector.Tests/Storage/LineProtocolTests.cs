using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Storage;

public class LineProtocolTests
{
    private static LinePoint Point(string measurement, (string, string)[] tags, (string, LineValue)[] fields, long time = 1_000) =>
        new(measurement,
            tags.Select(t => new KeyValuePair<string, string>(t.Item1, t.Item2)),
            fields.Select(f => new KeyValuePair<string, LineValue>(f.Item1, f.Item2)),
            time);

    [Fact]
    public void TagsAndFields_AreSortedAndTyped()
    {
        var point = Point("interface",
            [("site", "chieng-coi"), ("device", "router"), ("if_index", "1")],
            [("out_octets", LineValue.FromUInteger(42)), ("in_bps", LineValue.FromDouble(1.5)), ("oper_status", LineValue.FromInteger(-2)),
             ("up", LineValue.FromBoolean(true)), ("descr", LineValue.FromString("uplink"))],
            1_768_465_800_123_456_789);

        Assert.Equal(
            "interface,device=router,if_index=1,site=chieng-coi descr=\"uplink\",in_bps=1.5,oper_status=-2i,out_octets=42i,up=true 1768465800123456789",
            LineProtocol.Format(point));
    }

    [Fact]
    public void Vietnamese_IsWrittenAsIs()
    {
        var point = Point("interface", [("if_name", "Cổng quang")], [("message", LineValue.FromString("Mất điện lưới"))]);

        Assert.Equal("interface,if_name=Cổng\\ quang message=\"Mất điện lưới\" 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void Measurement_EscapesCommaAndSpaceButNotEquals()
    {
        var point = Point("my meas,x=y", [], [("v", LineValue.FromInteger(1))]);

        Assert.Equal("my\\ meas\\,x=y v=1i 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void TagKeysValuesAndFieldKeys_EscapeCommaEqualsSpace()
    {
        var point = Point("m", [("a b", "c=d,e f")], [("f,g=h i", LineValue.FromInteger(1))]);

        Assert.Equal("m,a\\ b=c\\=d\\,e\\ f f\\,g\\=h\\ i=1i 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void StringField_EscapesQuotesAndBackslashes()
    {
        var point = Point("m", [], [("s", LineValue.FromString("say \"hi\" C:\\dir\\"))]);

        Assert.Equal("m s=\"say \\\"hi\\\" C:\\\\dir\\\\\" 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void NewlineInStringField_StaysInsideTheQuotes()
    {
        var point = Point("m", [], [("s", LineValue.FromString("line1\nline2"))]);

        Assert.Equal("m s=\"line1\nline2\" 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void NewlineInTagOrMeasurement_BecomesSpace_SoTheLineNeverBreaks()
    {
        var point = Point("a\nb", [("t", "x\r\ny")], [("v", LineValue.FromInteger(1))]);

        var line = LineProtocol.Format(point);

        Assert.Equal("a\\ b,t=x\\ \\ y v=1i 1000", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void BackslashInTag_IsLiteral_UnlessItWouldSwallowADelimiter()
    {
        var point = Point("m", [("a", "x\\y"), ("b", "end\\"), ("c", "p\\,q")], [("v", LineValue.FromInteger(1))]);

        Assert.Equal("m,a=x\\y,b=end\\\\,c=p\\\\\\,q v=1i 1000", LineProtocol.Format(point));
    }

    [Fact]
    public void EmptyTagValue_IsLeftOut()
    {
        var point = Point("m", [("device", ""), ("site", "s")], [("v", LineValue.FromInteger(1))]);

        Assert.Equal("m,site=s v=1i 1000", LineProtocol.Format(point));
    }

    [Theory]
    [InlineData(18446744073709551615UL, "-1i")]
    [InlineData(9223372036854775807UL, "9223372036854775807i")]
    [InlineData(9223372036854775808UL, "-9223372036854775808i")]
    [InlineData(0UL, "0i")]
    public void UInt64_IsStoredAsInteger_WrappedAboveInt64Max(ulong value, string expected)
    {
        var point = Point("m", [], [("c", LineValue.FromUInteger(value))]);

        Assert.Equal($"m c={expected} 1000", LineProtocol.Format(point));
        // Lossless: the stored int64 reinterpreted as uint64 is the original counter.
        Assert.Equal(value, unchecked((ulong)long.Parse(expected.TrimEnd('i'), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(long.MinValue, "-9223372036854775808i")]
    [InlineData(-42L, "-42i")]
    public void NegativeIntegers_KeepTheirSign(long value, string expected)
    {
        Assert.Equal($"m c={expected} 1000", LineProtocol.Format(Point("m", [], [("c", LineValue.FromInteger(value))])));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(5.0, "5")]
    public void Doubles_AreInvariantAndRoundTrip(double value, string expected)
    {
        Assert.Equal($"m d={expected} 1000", LineProtocol.Format(Point("m", [], [("d", LineValue.FromDouble(value))])));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteDouble_IsRejected(double value)
    {
        var point = Point("m", [], [("d", LineValue.FromDouble(value))]);

        Assert.Contains("non-finite", point.Problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LineProtocol.Format(point));
    }

    [Fact]
    public void EmptyMeasurementOrNoFields_IsRejected()
    {
        Assert.Equal("empty measurement", Point("", [], [("v", LineValue.FromInteger(1))]).Problem);
        Assert.Equal("measurement 'm' has no fields", Point("m", [("t", "x")], []).Problem);
        Assert.Equal("measurement 'm' has an empty field key", Point("m", [], [("", LineValue.FromInteger(1))]).Problem);
        Assert.Equal("measurement 'm' field 'v': no value", Point("m", [], [("v", LineValue.Missing)]).Problem);
    }

    [Fact]
    public void SeveralPoints_AreJoinedByNewlines()
    {
        var a = Point("a", [], [("v", LineValue.FromInteger(1))], 1);
        var b = Point("b", [], [("v", LineValue.FromInteger(2))], 2);

        Assert.Equal("a v=1i 1\nb v=2i 2", LineProtocol.Format([a, b]));
    }
}

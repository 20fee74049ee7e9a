using SonLa.Monitor.Collector.Storage;

namespace SonLa.Monitor.Collector.Tests.Storage;

public class LineValueTests
{
    [Fact]
    public void EachKind_GivesBackItsValue_AndOnlyItsOwn()
    {
        var big = LineValue.FromUInteger(ulong.MaxValue - 1);
        var negative = LineValue.FromInteger(long.MinValue);
        var fraction = LineValue.FromDouble(-0.125);
        var flag = LineValue.FromBoolean(true);
        var text = LineValue.FromString("Mất điện");

        Assert.Equal((LineValueKind.UInteger, ulong.MaxValue - 1, 0L, 0.0), (big.Kind, big.AsUInteger, big.AsInteger, big.AsDouble));
        Assert.Equal((LineValueKind.Integer, long.MinValue, 0UL), (negative.Kind, negative.AsInteger, negative.AsUInteger));
        Assert.Equal((LineValueKind.Double, -0.125, 0L), (fraction.Kind, fraction.AsDouble, fraction.AsInteger));
        Assert.Equal((LineValueKind.Boolean, true, 0L), (flag.Kind, flag.AsBoolean, flag.AsInteger));
        Assert.Equal((LineValueKind.String, "Mất điện", false), (text.Kind, text.AsString, text.AsBoolean));
        Assert.False(LineValue.FromBoolean(false).AsBoolean);
        Assert.Equal(LineValue.FromDouble(2.5), LineValue.FromDouble(2.5));
        Assert.NotEqual(LineValue.FromInteger(1), LineValue.FromUInteger(1));
    }

    [Fact]
    public void NonFiniteDoubles_AndMissingValues_AreProblems()
    {
        Assert.Contains("non-finite", LineValue.FromDouble(double.PositiveInfinity).Problem, StringComparison.Ordinal);
        Assert.Equal("no value", LineValue.Missing.Problem);
        Assert.Null(LineValue.FromDouble(double.MaxValue).Problem);
    }
}

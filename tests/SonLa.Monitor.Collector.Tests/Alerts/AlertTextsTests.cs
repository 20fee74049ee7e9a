using SonLa.Monitor.Collector.Alerts;
using SonLa.Monitor.Collector.Alerts.Text;

namespace SonLa.Monitor.Collector.Tests.Alerts;

public sealed class AlertTextsTests
{
    private static readonly AlertTexts Texts = new(AlertTimeZone.Resolve("Asia/Ho_Chi_Minh"));
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 7, 40, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Xã Chiềng Cơi", "Chiềng Cơi commune")]
    [InlineData("Phường Tô Hiệu", "Tô Hiệu ward")]
    [InlineData("Thị trấn Ít Ong", "Ít Ong town")]
    [InlineData("chieng-coi", "chieng-coi")]
    public void SiteName_InEnglish(string vi, string en) => Assert.Equal(en, AlertTexts.En(vi));

    [Fact]
    public void Times_AreVietnamTime_WithTheDateWhenNotToday()
    {
        Assert.Equal("14:35", Texts.Time(new DateTimeOffset(2026, 11, 27, 7, 35, 0, TimeSpan.Zero), Now));
        Assert.Equal("23:10 26/11/2026", Texts.Time(new DateTimeOffset(2026, 11, 26, 16, 10, 0, TimeSpan.Zero), Now));
    }

    [Theory]
    [InlineData(AlertRules.SiteOffline)]
    [InlineData(AlertRules.DeviceUnreachable)]
    [InlineData(AlertRules.LinkDown)]
    [InlineData(AlertRules.HighUtilization)]
    [InlineData(AlertRules.InterfaceErrors)]
    [InlineData(AlertRules.DeviceRebooted)]
    [InlineData(AlertRules.UpsOnBattery)]
    [InlineData(AlertRules.UpsBatteryLow)]
    [InlineData(AlertRules.SelfcheckFailed)]
    [InlineData(AlertRules.ClockSkew)]
    public void EveryRule_HasTextsNamingWhereInBothLanguages(string rule)
    {
        var key = new AlertKey(rule, "chieng-coi", "router", "wan0");
        var since = Now.AddMinutes(-5);
        var firing = Texts.Firing(key, "Xã Chiềng Cơi", since, Now, 95, 12);
        var resolved = Texts.Resolved(key, "Xã Chiềng Cơi", since, Now, Now);
        var flapping = Texts.Flapping(key, "Xã Chiềng Cơi", 6, TimeSpan.FromMinutes(10));
        foreach (var text in new[] { firing, resolved, flapping })
        {
            Assert.StartsWith("Xã Chiềng Cơi: ", text.Vi, StringComparison.Ordinal);
            Assert.StartsWith("Chiềng Cơi commune: ", text.En, StringComparison.Ordinal);
            Assert.DoesNotContain(rule, text.Vi, StringComparison.Ordinal);
        }

        Assert.NotEqual(firing.Vi, resolved.Vi);
    }

    [Fact]
    public void SiteBack_SaysHowLongItWasDark()
    {
        var text = Texts.Resolved(new AlertKey(AlertRules.SiteOffline, "s", null, null), "Xã Chiềng Cơi", Now.AddMinutes(-65), Now, Now);
        Assert.Equal("Xã Chiềng Cơi: đã kết nối lại lúc 14:40 (mất kết nối 1 giờ 5 phút)", text.Vi);
        Assert.Equal("Chiềng Cơi commune: back online at 14:40 (offline for 1 h 5 min)", text.En);
    }
}

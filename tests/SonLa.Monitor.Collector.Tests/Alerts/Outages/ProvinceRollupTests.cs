using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Notifications;
using static SonLa.Monitor.Collector.Tests.Alerts.Outages.OutagePoints;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class ProvinceRollupTests
{
    private readonly ProvinceRollup _rollup = new(new OutageOptions(), new OutageText(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")));

    private static List<ActiveOutage> Dark(int count, OutageClass outageClass = OutageClass.Wan, string district = "Thuận Châu", int minutesApart = 0) =>
        [.. Enumerable.Range(1, count).Select(i => new ActiveOutage($"site-{i:00}", $"Xã {i}", district, At(14, 35).AddMinutes(i * minutesApart), outageClass))];

    [Fact]
    public void BelowTheMinimum_Nothing()
    {
        Assert.Null(_rollup.Evaluate(Dark(2), 75, null, At(14, 40)));
    }

    [Fact]
    public void TwelveSitesSharingWan_OneMessageSayingWhatTheyShare()
    {
        var notification = _rollup.Evaluate(Dark(12), 75, null, At(14, 40));

        Assert.NotNull(notification);
        Assert.Equal("12/75 xã mất WAN", notification.TitleVi);
        Assert.Equal("12/75 xã mất WAN: 12 mất WAN. Theo huyện: Thuận Châu 12. Tất cả thuộc Thuận Châu. "
            + "Cùng mất kết nối trong khoảng 14:35–14:35: có thể do sự cố chung (nhà mạng, điện lưới).", notification.TextVi);
        Assert.Equal((NotificationKind.Rollup, "rollup", "", NotificationSeverity.Warning), (notification.Kind, notification.Rule, notification.SiteId, notification.Severity));
        Assert.Equal("wan=12", notification.Details["by_class"]);
    }

    [Fact]
    public void MixedCausesAndDistricts_CountedByEach()
    {
        var dark = Dark(3, OutageClass.Power, "Mai Sơn", minutesApart: 10).Concat(Dark(2, OutageClass.Blind, "Sông Mã", minutesApart: 10)
            .Select(a => a with { SiteId = a.SiteId + "b" })).ToList();

        var notification = _rollup.Evaluate(dark, 75, null, At(15, 30));

        Assert.NotNull(notification);
        Assert.Equal("5/75 xã mất kết nối", notification.TitleVi);
        Assert.Equal("5/75 xã mất kết nối: 3 mất điện, 2 chưa rõ nguyên nhân. Theo huyện: Mai Sơn 3, Sông Mã 2.", notification.TextVi);
        Assert.Equal("5/75 sites dark: 3 power, 2 cause unknown. By district: Mai Sơn 3, Sông Mã 2.", notification.TextEn);
    }

    [Fact]
    public void CountMovesWithinTheInterval_DebouncedThenSentWhenMaterial()
    {
        var last = new RollupState(4, At(14, 40));

        Assert.Null(_rollup.Evaluate(Dark(12), 75, last, At(14, 43)));
        Assert.Null(_rollup.Evaluate(Dark(5), 75, last, At(14, 50)));
        Assert.NotNull(_rollup.Evaluate(Dark(6), 75, last, At(14, 45)));
    }

    [Fact]
    public void BackBelowTheMinimum_OneRecoveringMessage()
    {
        var notification = _rollup.Evaluate(Dark(1), 75, new RollupState(12, At(14, 40)), At(15, 30));

        Assert.NotNull(notification);
        Assert.Equal("Đã khôi phục phần lớn: còn 1/75 xã mất kết nối", notification.TitleVi);
        Assert.Equal("true", notification.Details["recovering"]);
        Assert.Null(_rollup.Evaluate(Dark(1), 75, new RollupState(1, At(15, 30)), At(16, 30)));
    }
}

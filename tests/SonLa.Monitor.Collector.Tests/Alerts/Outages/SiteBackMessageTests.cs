using SonLa.Monitor.Collector.Alerts.Outages;
using SonLa.Monitor.Collector.Notifications;
using static SonLa.Monitor.Collector.Tests.Alerts.Outages.OutagePoints;

namespace SonLa.Monitor.Collector.Tests.Alerts.Outages;

public sealed class SiteBackMessageTests
{
    private static readonly OutageText Text = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));

    private static OutageRecord Outage(DateTimeOffset start, DateTimeOffset end, OutageClass outageClass, params TimelineEntry[] timeline) =>
        new(7, Site, start.ToUniversalTime(), end.ToUniversalTime(), outageClass)
        {
            SiteName = "Xã Chiềng Cơi",
            District = "Thành phố Sơn La",
            CauseDevice = "ups",
            Timeline = timeline,
            Closed = true,
        };

    [Fact]
    public void PowerOutage_VietnameseAndEnglishTextWithTheTimelineInVietnamTime()
    {
        var outage = Outage(At(14, 35), At(15, 10), OutageClass.Power,
            new TimelineEntry(At(14, 2).ToUniversalTime(), TimelineEntryKind.PowerLost, "ups"),
            new TimelineEntry(At(14, 35).ToUniversalTime(), TimelineEntryKind.UplinkDown, "router", "ge-0/0/1"));

        var notification = SiteBackMessage.Create(outage, Text);

        Assert.Equal("Xã Chiềng Cơi: có kết nối trở lại lúc 15:10 sau 35 phút. Nguyên nhân: mất điện. "
            + "Diễn biến: 14:02 mất điện (UPS chạy pin) · 14:35 đường truyền mất (router ge-0/0/1)", notification.TextVi);
        Assert.Equal("Xã Chiềng Cơi: back online at 15:10 after 35 min. Cause: power outage. "
            + "Timeline: 14:02 power lost (UPS on battery) · 14:35 uplink down (router ge-0/0/1)", notification.TextEn);
        Assert.Equal("Xã Chiềng Cơi: có kết nối trở lại sau 35 phút (mất điện)", notification.TitleVi);
        Assert.Equal((NotificationKind.SiteBack, "site_back", Site, "Thành phố Sơn La"), (notification.Kind, notification.Rule, notification.SiteId, notification.District));
        Assert.Equal(SiteBackMessage.NotificationId(Site, outage.Start), notification.Id);
        Assert.Equal("power", notification.Details["class"]);
        Assert.Equal("2100", notification.Details["duration_s"]);
        var timeline = TimelineJson.Read(notification.Details["timeline"]);
        Assert.Equal(outage.Timeline, timeline);
        Assert.Contains("\"kind\":\"power_lost\"", notification.Details["timeline"], StringComparison.Ordinal);
        Assert.Contains("+00:00", notification.Details["timeline"], StringComparison.Ordinal);
    }

    [Fact]
    public void OutageOverMidnightWithManyEntries_DatesShownAndTheRestCounted()
    {
        var start = new DateTimeOffset(2026, 11, 26, 22, 0, 0, Vietnam);
        var entries = Enumerable.Range(0, 20).Select(i => new TimelineEntry(start.AddMinutes(i), TimelineEntryKind.DeviceRebooted, "router")).ToArray();
        var outage = Outage(start, At(1, 5), OutageClass.Device, entries);

        var notification = SiteBackMessage.Create(outage, Text);

        Assert.StartsWith("Xã Chiềng Cơi: có kết nối trở lại lúc 01:05 27/11 sau 3 giờ 5 phút. Nguyên nhân: sự cố thiết bị tại xã (ups). Diễn biến: 22:00 26/11 router khởi động lại",
            notification.TextVi, StringComparison.Ordinal);
        Assert.EndsWith("· ... và 5 sự kiện khác", notification.TextVi, StringComparison.Ordinal);
        Assert.EndsWith("· ... and 5 more", notification.TextEn, StringComparison.Ordinal);
    }

    [Fact]
    public void BlindOutage_SaysTheCauseIsUnknownNotALinkDown()
    {
        var notification = SiteBackMessage.Create(Outage(At(9, 0), At(11, 0), OutageClass.Blind) with { CauseDevice = null }, Text);

        Assert.Contains("Nguyên nhân: chưa rõ (không có dữ liệu trong thời gian mất kết nối). Diễn biến: không có dữ liệu từ thời gian mất kết nối.",
            notification.TextVi, StringComparison.Ordinal);
        Assert.Contains("sau 2 giờ.", notification.TextVi, StringComparison.Ordinal);
        Assert.Equal("blind", notification.Details["class"]);
    }

    [Theory]
    [InlineData(20, "dưới 1 phút", "under 1 min")]
    [InlineData(35 * 60, "35 phút", "35 min")]
    [InlineData(125 * 60, "2 giờ 5 phút", "2 h 5 min")]
    [InlineData((3 * 1440 + 4 * 60 + 7) * 60, "3 ngày 4 giờ", "3 d 4 h")]
    public void Durations_ReadLikeAPerson(int seconds, string vi, string en)
    {
        Assert.Equal(vi, OutageText.DurationVi(TimeSpan.FromSeconds(seconds)));
        Assert.Equal(en, OutageText.DurationEn(TimeSpan.FromSeconds(seconds)));
    }
}

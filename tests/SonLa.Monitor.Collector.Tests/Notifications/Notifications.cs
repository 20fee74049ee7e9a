using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Tests.Notifications;

/// <summary>Sample notifications as the alert engine makes them.</summary>
internal static class Notifications
{
    public static readonly DateTimeOffset OccurredAt = new(2026, 11, 27, 7, 35, 0, TimeSpan.Zero);

    public static Notification LinkDown(string id = "alert-42-firing", NotificationKind kind = NotificationKind.Firing,
        NotificationSeverity severity = NotificationSeverity.Critical, string rule = "link_down", string? district = "Thuận Châu") => new()
    {
        Id = id,
        Kind = kind,
        Rule = rule,
        Severity = severity,
        SiteId = "chieng-coi",
        SiteName = "Xã Chiềng Cơi",
        District = district,
        Device = "router",
        Interface = "ge-0/0/1",
        AlertId = 42,
        OccurredAt = OccurredAt,
        TitleVi = "Xã Chiềng Cơi: mất kết nối từ 14:35",
        TextVi = "Xã Chiềng Cơi: mất kết nối từ 14:35\nThiết bị router, cổng ge-0/0/1 ngừng hoạt động.",
        TitleEn = "Chiềng Cơi commune: link down since 14:35",
        TextEn = "Chiềng Cơi commune: link down since 14:35\nDevice router, interface ge-0/0/1 is down.",
        Details = new Dictionary<string, string> { ["cause"] = "uplink", ["if_index"] = "3" },
    };

    public static Notification SiteBack(string id = "siteback-chieng-coi-1764254100") => LinkDown(id, NotificationKind.SiteBack,
        NotificationSeverity.Info, "site_back") with
    {
        Interface = null,
        Device = null,
        AlertId = null,
        TitleVi = "Xã Chiềng Cơi: đã kết nối lại",
        TextVi = "Xã Chiềng Cơi: đã kết nối lại lúc 15:10\n14:02 mất điện (UPS chạy pin)\n14:35 mất kết nối WAN",
        TitleEn = "Chiềng Cơi commune: back online",
        TextEn = "Chiềng Cơi commune: back online at 15:10\n14:02 power lost (UPS on battery)\n14:35 WAN down",
    };
}

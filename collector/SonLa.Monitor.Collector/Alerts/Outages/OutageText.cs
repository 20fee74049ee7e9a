using System.Globalization;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The words of outage messages, in Vietnamese (the default) and English: causes, timeline entries, durations,
/// and times in the configured zone ("14:02", with the date "14:02 26/11" when the outage crossed midnight).
/// </summary>
public sealed class OutageText(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    public static string CauseVi(OutageClass outageClass, string? device) => outageClass switch
    {
        OutageClass.Power => "mất điện",
        OutageClass.Wan => "mất đường truyền (WAN)",
        OutageClass.Device => device is null ? "sự cố thiết bị tại xã" : $"sự cố thiết bị tại xã ({device})",
        _ => "chưa rõ (không có dữ liệu trong thời gian mất kết nối)",
    };

    public static string CauseEn(OutageClass outageClass, string? device) => outageClass switch
    {
        OutageClass.Power => "power outage",
        OutageClass.Wan => "WAN outage",
        OutageClass.Device => device is null ? "local device failure" : $"local device failure ({device})",
        _ => "unknown (no data from the dark period)",
    };

    /// <summary>Short class words for the roll-up: "mất WAN", "mất điện".</summary>
    public static string ShortVi(OutageClass outageClass) => outageClass switch
    {
        OutageClass.Power => "mất điện",
        OutageClass.Wan => "mất WAN",
        OutageClass.Device => "lỗi thiết bị",
        _ => "chưa rõ nguyên nhân",
    };

    public static string ShortEn(OutageClass outageClass) => outageClass switch
    {
        OutageClass.Power => "power",
        OutageClass.Wan => "WAN",
        OutageClass.Device => "device",
        _ => "cause unknown",
    };

    public static string DurationVi(TimeSpan duration) => Duration(duration, "ngày", "giờ", "phút", "dưới 1 phút");

    public static string DurationEn(TimeSpan duration) => Duration(duration, "d", "h", "min", "under 1 min");

    /// <summary>"14:02", or "14:02 26/11" when <paramref name="withDate"/>.</summary>
    public string Time(DateTimeOffset at, bool withDate = false)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return local.ToString(withDate ? "HH:mm dd/MM" : "HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the two instants fall on different local days (times then carry their date).</summary>
    public bool DifferentDays(DateTimeOffset a, DateTimeOffset b) =>
        TimeZoneInfo.ConvertTime(a, Zone).Date != TimeZoneInfo.ConvertTime(b, Zone).Date;

    public string EntryVi(TimelineEntry entry, bool withDate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var where = Where(entry);
        var what = entry.Kind switch
        {
            TimelineEntryKind.PowerLost => "mất điện (UPS chạy pin)",
            TimelineEntryKind.PowerRestored => "có điện trở lại",
            TimelineEntryKind.UplinkDown => $"đường truyền mất{Paren(where)}",
            TimelineEntryKind.UplinkUp => $"đường truyền có lại{Paren(where)}",
            TimelineEntryKind.LinkDown => $"{where} mất kết nối",
            TimelineEntryKind.LinkUp => $"{where} có kết nối lại",
            TimelineEntryKind.DeviceUnreachable => $"{entry.Device} không phản hồi",
            TimelineEntryKind.DeviceReachable => $"{entry.Device} phản hồi trở lại",
            TimelineEntryKind.DeviceRebooted => $"{entry.Device} khởi động lại",
            TimelineEntryKind.AgentRestarted => "agent giám sát khởi động lại",
            TimelineEntryKind.DataLost => "agent mất một phần dữ liệu",
            _ => $"không có dữ liệu đến {Time(entry.Until ?? entry.At, withDate)}",
        };
        return $"{Time(entry.At, withDate)} {what}";
    }

    public string EntryEn(TimelineEntry entry, bool withDate)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var where = Where(entry);
        var what = entry.Kind switch
        {
            TimelineEntryKind.PowerLost => "power lost (UPS on battery)",
            TimelineEntryKind.PowerRestored => "power restored",
            TimelineEntryKind.UplinkDown => $"uplink down{Paren(where)}",
            TimelineEntryKind.UplinkUp => $"uplink up{Paren(where)}",
            TimelineEntryKind.LinkDown => $"{where} link down",
            TimelineEntryKind.LinkUp => $"{where} link up",
            TimelineEntryKind.DeviceUnreachable => $"{entry.Device} unreachable",
            TimelineEntryKind.DeviceReachable => $"{entry.Device} reachable again",
            TimelineEntryKind.DeviceRebooted => $"{entry.Device} rebooted",
            TimelineEntryKind.AgentRestarted => "monitoring agent restarted",
            TimelineEntryKind.DataLost => "agent lost some data",
            _ => $"no data until {Time(entry.Until ?? entry.At, withDate)}",
        };
        return $"{Time(entry.At, withDate)} {what}";
    }

    private static string Where(TimelineEntry entry) =>
        string.Join(' ', new[] { entry.Device, entry.Interface }.Where(s => !string.IsNullOrEmpty(s)));

    private static string Paren(string text) => text.Length == 0 ? "" : $" ({text})";

    private static string Duration(TimeSpan duration, string day, string hour, string minute, string lessThanMinute)
    {
        var minutes = (long)Math.Round(duration.TotalMinutes);
        if (minutes < 1)
        {
            return lessThanMinute;
        }

        var (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        var parts = new List<string>();
        if (d > 0)
        {
            parts.Add(FormattableString.Invariant($"{d} {day}"));
        }

        if (h > 0)
        {
            parts.Add(FormattableString.Invariant($"{h} {hour}"));
        }

        // Minutes are noise next to days.
        if (m > 0 && d == 0)
        {
            parts.Add(FormattableString.Invariant($"{m} {minute}"));
        }

        return string.Join(' ', parts);
    }
}

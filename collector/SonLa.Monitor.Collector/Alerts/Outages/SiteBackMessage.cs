using System.Globalization;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The one "site back" notification of an outage: "Xã Chiềng Cơi: có kết nối trở lại lúc 15:10 sau 35 phút. Nguyên nhân:
/// mất điện. Diễn biến: 14:02 mất điện (UPS chạy pin) · 14:35 đường truyền mất (router ge-0/0/1) · ...", the English
/// variant, and in <see cref="Notification.Details"/> the class, times and the whole timeline as JSON for the webhook.
/// </summary>
public static class SiteBackMessage
{
    public const string Rule = "site_back";

    /// <summary>Entries shown in the text; the rest is counted ("... và 12 sự kiện khác") and stays in the details.</summary>
    public const int MaxEntriesInText = 15;

    public static string NotificationId(string siteId, DateTimeOffset start) =>
        string.Create(CultureInfo.InvariantCulture, $"siteback-{siteId}-{start.ToUnixTimeSeconds()}");

    public static Notification Create(OutageRecord outage, OutageText text)
    {
        ArgumentNullException.ThrowIfNull(outage);
        ArgumentNullException.ThrowIfNull(text);
        var end = outage.End ?? outage.Start;
        var name = string.IsNullOrWhiteSpace(outage.SiteName) ? outage.SiteId : outage.SiteName;
        var duration = end - outage.Start;
        var withDate = text.DifferentDays(outage.Start, end);
        var shown = outage.Timeline.Take(MaxEntriesInText).ToList();
        var more = outage.Timeline.Count - shown.Count;

        var titleVi = $"{name}: có kết nối trở lại sau {OutageText.DurationVi(duration)} ({OutageText.CauseVi(outage.Class, outage.CauseDevice)})";
        var titleEn = $"{name}: back online after {OutageText.DurationEn(duration)} ({OutageText.CauseEn(outage.Class, outage.CauseDevice)})";
        var vi = $"{name}: có kết nối trở lại lúc {text.Time(end, withDate)} sau {OutageText.DurationVi(duration)}. "
            + $"Nguyên nhân: {OutageText.CauseVi(outage.Class, outage.CauseDevice)}. Diễn biến: "
            + (shown.Count == 0 ? "không có dữ liệu từ thời gian mất kết nối." : string.Join(" · ", shown.Select(e => text.EntryVi(e, withDate))))
            + (more > 0 ? FormattableString.Invariant($" · ... và {more} sự kiện khác") : "")
            + (outage.Incomplete ? " (dữ liệu tồn đọng chưa về đủ, diễn biến có thể thiếu)" : "");
        var en = $"{name}: back online at {text.Time(end, withDate)} after {OutageText.DurationEn(duration)}. "
            + $"Cause: {OutageText.CauseEn(outage.Class, outage.CauseDevice)}. Timeline: "
            + (shown.Count == 0 ? "no data from the dark period." : string.Join(" · ", shown.Select(e => text.EntryEn(e, withDate))))
            + (more > 0 ? FormattableString.Invariant($" · ... and {more} more") : "")
            + (outage.Incomplete ? " (backlog incomplete, the timeline may miss entries)" : "");

        return new Notification
        {
            Id = NotificationId(outage.SiteId, outage.Start),
            Kind = NotificationKind.SiteBack,
            Rule = Rule,
            Severity = NotificationSeverity.Info,
            SiteId = outage.SiteId,
            SiteName = outage.SiteName,
            District = outage.District,
            Device = outage.CauseDevice,
            OccurredAt = end,
            TitleVi = titleVi,
            TextVi = vi,
            TitleEn = titleEn,
            TextEn = en,
            Details = new Dictionary<string, string>
            {
                ["outage_id"] = outage.Id.ToString(CultureInfo.InvariantCulture),
                ["class"] = outage.Class.ToString().ToLowerInvariant(),
                ["cause_vi"] = OutageText.CauseVi(outage.Class, outage.CauseDevice),
                ["cause_en"] = OutageText.CauseEn(outage.Class, outage.CauseDevice),
                ["started_at"] = outage.Start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["ended_at"] = end.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                ["duration_s"] = ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["blind_s"] = ((long)outage.Blind.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["incomplete"] = outage.Incomplete ? "true" : "false",
                ["timeline"] = TimelineJson.Write(outage.Timeline),
            },
        };
    }
}

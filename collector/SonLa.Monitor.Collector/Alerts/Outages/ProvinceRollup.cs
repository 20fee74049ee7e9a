using System.Globalization;
using SonLa.Monitor.Collector.Notifications;

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// The province roll-up: when several sites are dark at once, one notification that says how many and what they share
/// ("12/75 xã mất WAN", by class and by district, and whether they went dark together). Pure: it decides from the
/// current outages and the last roll-up sent. It speaks when <see cref="OutageOptions.RollupMinimumSites"/> sites are dark,
/// again when the count moves by a quarter (at least 2), and once more when it falls back below the minimum — never
/// more often than every <see cref="OutageOptions.RollupIntervalSeconds"/>.
/// </summary>
public sealed class ProvinceRollup(OutageOptions options, OutageText text)
{
    public const string Rule = "rollup";

    /// <summary>Sites going dark within this of each other are said to have gone dark together.</summary>
    public static readonly TimeSpan Together = TimeSpan.FromMinutes(3);

    /// <summary>The notification to send now, or null.</summary>
    public Notification? Evaluate(IReadOnlyList<ActiveOutage> active, int totalSites, RollupState? last, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(active);
        var count = active.Count;
        var reported = last is { } l && l.Sites >= options.RollupMinimumSites;
        if (last is not null && now - last.SentAt < TimeSpan.FromSeconds(options.RollupIntervalSeconds))
        {
            return null;
        }

        if (!reported)
        {
            return count >= options.RollupMinimumSites ? Create(active, totalSites, now, recovering: false) : null;
        }

        if (count < options.RollupMinimumSites)
        {
            return Create(active, totalSites, now, recovering: true);
        }

        var material = Math.Max(2, (int)Math.Ceiling(last!.Sites * 0.25));
        return Math.Abs(count - last.Sites) >= material ? Create(active, totalSites, now, recovering: false) : null;
    }

    private Notification Create(IReadOnlyList<ActiveOutage> active, int totalSites, DateTimeOffset now, bool recovering)
    {
        var count = active.Count;
        var total = Math.Max(totalSites, count);
        var ratio = FormattableString.Invariant($"{count}/{total}");
        var classes = active.GroupBy(a => a.Class).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var districts = active.GroupBy(a => string.IsNullOrWhiteSpace(a.District) ? null : a.District)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shared = classes.Count == 1 && classes[0].Key != OutageClass.Blind ? classes[0].Key : (OutageClass?)null;
        var since = active.Count > 0 ? active.Min(a => a.Since) : now;
        var latest = active.Count > 0 ? active.Max(a => a.Since) : now;
        var together = count >= 2 && latest - since <= Together;

        var byClassVi = string.Join(", ", classes.Select(g => FormattableString.Invariant($"{g.Count()} {OutageText.ShortVi(g.Key)}")));
        var byClassEn = string.Join(", ", classes.Select(g => FormattableString.Invariant($"{g.Count()} {OutageText.ShortEn(g.Key)}")));
        var byDistrictVi = string.Join(", ", districts.Select(g => FormattableString.Invariant($"{g.Key ?? "chưa rõ huyện"} {g.Count()}")));
        var byDistrictEn = string.Join(", ", districts.Select(g => FormattableString.Invariant($"{g.Key ?? "no district"} {g.Count()}")));
        var oneDistrict = districts.Count == 1 && districts[0].Key is { } d ? d : null;

        string titleVi, titleEn, vi, en;
        if (recovering)
        {
            titleVi = $"Đã khôi phục phần lớn: còn {ratio} xã mất kết nối";
            titleEn = $"Mostly recovered: {ratio} sites still dark";
            vi = titleVi + (count > 0 ? $" ({byClassVi}; theo huyện: {byDistrictVi})." : ".");
            en = titleEn + (count > 0 ? $" ({byClassEn}; by district: {byDistrictEn})." : ".");
        }
        else
        {
            titleVi = shared is { } s ? $"{ratio} xã {OutageText.ShortVi(s)}" : $"{ratio} xã mất kết nối";
            titleEn = shared is { } t ? $"{ratio} sites down ({OutageText.ShortEn(t)})" : $"{ratio} sites dark";
            vi = $"{titleVi}: {byClassVi}. Theo huyện: {byDistrictVi}."
                + (oneDistrict is not null ? $" Tất cả thuộc {oneDistrict}." : "")
                + (together ? $" Cùng mất kết nối trong khoảng {text.Time(since)}–{text.Time(latest)}: có thể do sự cố chung (nhà mạng, điện lưới)." : "");
            en = $"{titleEn}: {byClassEn}. By district: {byDistrictEn}."
                + (oneDistrict is not null ? $" All in {oneDistrict}." : "")
                + (together ? $" All went dark between {text.Time(since)} and {text.Time(latest)}: likely a shared cause (provider, grid)." : "");
        }

        return new Notification
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"rollup-{now.ToUnixTimeSeconds()}-{count}"),
            Kind = NotificationKind.Rollup,
            Rule = Rule,
            Severity = recovering ? NotificationSeverity.Info : count * 4 >= total ? NotificationSeverity.Critical : NotificationSeverity.Warning,
            SiteId = "",
            District = oneDistrict,
            OccurredAt = recovering ? now : latest,
            TitleVi = titleVi,
            TextVi = vi,
            TitleEn = titleEn,
            TextEn = en,
            Details = new Dictionary<string, string>
            {
                ["sites"] = count.ToString(CultureInfo.InvariantCulture),
                ["total_sites"] = total.ToString(CultureInfo.InvariantCulture),
                ["recovering"] = recovering ? "true" : "false",
                ["by_class"] = string.Join(",", classes.Select(g => FormattableString.Invariant($"{OutageStore.ClassName(g.Key)}={g.Count()}"))),
                ["by_district"] = string.Join(",", districts.Select(g => FormattableString.Invariant($"{g.Key ?? ""}={g.Count()}"))),
                ["site_ids"] = string.Join(",", active.Select(a => a.SiteId).Order(StringComparer.Ordinal)),
            },
        };
    }
}

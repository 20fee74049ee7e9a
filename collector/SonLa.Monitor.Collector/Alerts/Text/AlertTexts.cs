using System.Globalization;

namespace SonLa.Monitor.Collector.Alerts.Text;

/// <summary>
/// The firing, resolved, flapping and reminder texts of every rule, in Vietnamese and English, naming what and
/// where: "Xã Chiềng Cơi: mất kết nối từ 14:35" / "Chiềng Cơi commune: offline since 14:35". Times in the configured
/// zone (Vietnam time), with the date when it is not the same day as <c>now</c>.
/// </summary>
public sealed class AlertTexts(TimeZoneInfo zone)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The alert's one-line description while it holds (its message).</summary>
    public AlertText Firing(AlertKey key, string siteName, DateTimeOffset since, DateTimeOffset now, double? value = null, double? value2 = null)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        var t = Time(since, now);
        var (vi, en) = (Vi(siteName), En(siteName));
        var device = key.Device ?? "";
        var port = key.Interface ?? "";
        return key.Rule switch
        {
            AlertRules.SiteOffline => new($"{vi}: mất kết nối từ {t}", $"{en}: offline since {t}"),
            AlertRules.DeviceUnreachable => new($"{vi}: thiết bị {device} không phản hồi từ {t}", $"{en}: device {device} not answering since {t}"),
            AlertRules.LinkDown => new($"{vi}: cổng {port} của {device} mất kết nối từ {t}", $"{en}: interface {port} on {device} down since {t}"),
            AlertRules.HighUtilization => new(
                $"{vi}: cổng {port} của {device} quá tải ({Number(value)}% băng thông) từ {t}",
                $"{en}: interface {port} on {device} at {Number(value)}% of its speed since {t}"),
            AlertRules.InterfaceErrors => new(
                $"{vi}: cổng {port} của {device} có nhiều lỗi ({Number(value)} lỗi/phút) từ {t}",
                $"{en}: interface {port} on {device} has {Number(value)} errors per minute since {t}"),
            AlertRules.DeviceRebooted => new($"{vi}: thiết bị {device} đã khởi động lại lúc {t}", $"{en}: device {device} restarted at {t}"),
            AlertRules.UpsOnBattery => new($"{vi}: mất điện lưới, UPS {device} đang chạy bằng pin từ {t}", $"{en}: mains power lost, UPS {device} on battery since {t}"),
            AlertRules.UpsBatteryLow => new(
                $"{vi}: pin UPS {device} sắp hết ({Battery(value, value2, vietnamese: true)})",
                $"{en}: UPS {device} battery low ({Battery(value, value2, vietnamese: false)})"),
            AlertRules.SelfcheckFailed => new($"{vi}: tự kiểm tra \"{port}\" báo LỖI từ {t}", $"{en}: self-check \"{port}\" failing since {t}"),
            AlertRules.ClockSkew => new(
                value is { } ms ? $"{vi}: đồng hồ máy giám sát lệch {Number(ms / 1000)} giây" : $"{vi}: đồng hồ máy giám sát bị lệch từ {t}",
                value is { } ms2 ? $"{en}: agent clock off by {Number(ms2 / 1000)} s" : $"{en}: agent clock off since {t}"),
            _ => new($"{vi}: {key.Rule}", $"{en}: {key.Rule}"),
        };
    }

    public AlertText Resolved(AlertKey key, string siteName, DateTimeOffset started, DateTimeOffset at, DateTimeOffset now)
    {
        var (vi, en) = (Vi(siteName), En(siteName));
        var t = Time(at, now);
        var lasted = at - started;
        var what = Subject(key);
        return key.Rule == AlertRules.SiteOffline
            ? new($"{vi}: đã kết nối lại lúc {t} (mất kết nối {DurationVi(lasted)})", $"{en}: back online at {t} (offline for {DurationEn(lasted)})")
            : new($"{vi}: {what.Vi} đã trở lại bình thường lúc {t} (kéo dài {DurationVi(lasted)})",
                  $"{en}: {what.En} back to normal at {t} (lasted {DurationEn(lasted)})");
    }

    public AlertText Flapping(AlertKey key, string siteName, int transitions, TimeSpan window)
    {
        var what = Subject(key);
        var minutes = ((int)Math.Round(window.TotalMinutes)).ToString(Invariant);
        var n = transitions.ToString(Invariant);
        return new($"{Vi(siteName)}: {what.Vi} chập chờn ({n} lần đổi trạng thái trong {minutes} phút); tạm ngừng báo cho đến khi ổn định",
                   $"{En(siteName)}: {what.En} flapping ({n} changes in {minutes} min); further notices held until it is stable");
    }

    public static AlertText Reminder(AlertText firing) => new("Nhắc lại: " + firing.Vi, "Reminder: " + firing.En);

    public static AlertText Stable(AlertText firing) => new(firing.Vi + " (đã hết chập chờn, vẫn còn lỗi)", firing.En + " (no longer flapping, still failing)");

    /// <summary>The cause line added to an alert that follows from the site's uplink going down.</summary>
    public static AlertText WithCause(AlertText text, AlertText cause) =>
        new($"{text.Vi}\nNguyên nhân: {cause.Vi}", $"{text.En}\nCause: {cause.En}");

    /// <summary>"Xã Chiềng Cơi" as is; the inventory's names are Vietnamese.</summary>
    public static string Vi(string siteName) => siteName;

    /// <summary>"Xã Chiềng Cơi" → "Chiềng Cơi commune", "Phường Tô Hiệu" → "Tô Hiệu ward", "Thị trấn X" → "X town".</summary>
    public static string En(string siteName)
    {
        ArgumentNullException.ThrowIfNull(siteName);
        foreach (var (prefix, suffix) in Units)
        {
            if (siteName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && siteName.Length > prefix.Length)
            {
                return $"{siteName[prefix.Length..].Trim()} {suffix}";
            }
        }

        return siteName;
    }

    /// <summary>HH:mm in the zone, with dd/MM when not on the same day as <paramref name="now"/>.</summary>
    public string Time(DateTimeOffset at, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone);
        return local.Date == today.Date
            ? local.ToString("HH:mm", Invariant)
            : local.ToString("HH:mm dd/MM/yyyy", Invariant);
    }

    public static string DurationVi(TimeSpan d) => d.TotalMinutes < 1
        ? $"{Math.Max(0, (int)d.TotalSeconds).ToString(Invariant)} giây"
        : d.TotalHours < 1 ? $"{((int)d.TotalMinutes).ToString(Invariant)} phút"
        : $"{((int)d.TotalHours).ToString(Invariant)} giờ {d.Minutes.ToString(Invariant)} phút";

    public static string DurationEn(TimeSpan d) => d.TotalMinutes < 1
        ? $"{Math.Max(0, (int)d.TotalSeconds).ToString(Invariant)} s"
        : d.TotalHours < 1 ? $"{((int)d.TotalMinutes).ToString(Invariant)} min"
        : $"{((int)d.TotalHours).ToString(Invariant)} h {d.Minutes.ToString(Invariant)} min";

    private static readonly (string Prefix, string Suffix)[] Units =
    [
        ("Xã ", "commune"), ("Phường ", "ward"), ("Thị trấn ", "town"), ("Đặc khu ", "special zone"),
    ];

    private static AlertText Subject(AlertKey key)
    {
        var device = key.Device ?? "";
        var port = key.Interface ?? "";
        return key.Rule switch
        {
            AlertRules.SiteOffline => new("kết nối", "connection"),
            AlertRules.DeviceUnreachable => new($"thiết bị {device}", $"device {device}"),
            AlertRules.LinkDown => new($"cổng {port} của {device}", $"interface {port} on {device}"),
            AlertRules.HighUtilization => new($"tải cổng {port} của {device}", $"load on interface {port} of {device}"),
            AlertRules.InterfaceErrors => new($"lỗi cổng {port} của {device}", $"errors on interface {port} of {device}"),
            AlertRules.DeviceRebooted => new($"thiết bị {device} (khởi động lại)", $"device {device} (restart)"),
            AlertRules.UpsOnBattery => new($"điện lưới (UPS {device})", $"mains power (UPS {device})"),
            AlertRules.UpsBatteryLow => new($"pin UPS {device}", $"UPS {device} battery"),
            AlertRules.SelfcheckFailed => new($"tự kiểm tra \"{port}\"", $"self-check \"{port}\""),
            AlertRules.ClockSkew => new("đồng hồ máy giám sát", "agent clock"),
            _ => new(key.Rule, key.Rule),
        };
    }

    private static string Battery(double? percent, double? minutes, bool vietnamese)
    {
        var parts = new List<string>();
        if (percent is { } p)
        {
            parts.Add($"{Number(p)}%");
        }

        if (minutes is { } m)
        {
            parts.Add(vietnamese ? $"còn {Number(m)} phút" : $"{Number(m)} min left");
        }

        return string.Join(", ", parts);
    }

    private static string Number(double? value) => value is { } v ? Math.Round(v, v >= 10 ? 0 : 1).ToString(Invariant) : "?";
}

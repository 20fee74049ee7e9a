namespace SonLa.Monitor.Collector.History.Charts;

/// <summary>The words of a chart in one language (<c>lang=vi</c>, the default, or <c>en</c>).</summary>
public sealed record ChartLanguage(
    string Code,
    string Traffic,
    string Latency,
    string Interface,
    string NoData,
    string TimeAxis,
    string In,
    string Out,
    string Highest,
    string Average,
    char DecimalSeparator,
    IReadOnlyDictionary<string, string> Ranges)
{
    public static readonly ChartLanguage Vietnamese = new(
        "vi", "Lưu lượng", "Độ trễ", "cổng", "Chưa có dữ liệu", "Giờ Việt Nam (UTC+7)", "Vào", "Ra", "cao nhất", "trung bình", ',',
        new Dictionary<string, string> { ["1h"] = "1 giờ qua", ["24h"] = "24 giờ qua", ["7d"] = "7 ngày qua" });

    public static readonly ChartLanguage English = new(
        "en", "Traffic", "Latency", "interface", "No data yet", "Vietnam time (UTC+7)", "In", "Out", "highest", "average", '.',
        new Dictionary<string, string> { ["1h"] = "last hour", ["24h"] = "last 24 hours", ["7d"] = "last 7 days" });

    /// <summary>The language for a <c>lang</c> parameter (absent: Vietnamese), or null for an unknown one.</summary>
    public static ChartLanguage? Find(string? code) => code switch
    {
        null or "" or "vi" => Vietnamese,
        "en" => English,
        _ => null,
    };

    /// <summary>What the legend calls a series: In/Out for traffic, the device or ping target otherwise.</summary>
    public string SeriesLabel(string name) => name switch
    {
        "in_bps" => In,
        "out_bps" => Out,
        _ => name,
    };
}

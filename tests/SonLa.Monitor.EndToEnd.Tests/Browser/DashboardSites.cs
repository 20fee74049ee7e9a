namespace SonLa.Monitor.EndToEnd.Tests.Browser;

/// <summary>
/// Sites of the inventory besides the stack's own (whose agent runs): they never connect, so they are "unknown",
/// and their names and districts exercise the Vietnamese text, the grouping and the diacritic-free search.
/// </summary>
internal static class DashboardSites
{
    public static readonly IReadOnlyList<(string Id, string Name, string District)> Others =
    [
        ("muong-bu", "Xã Mường Bú", "Huyện Mường La"),
        ("it-ong", "Xã Ít Ong", "Huyện Mường La"),
        ("dong-sang", "Xã Đông Sang", "Huyện Mộc Châu"),
        ("phieng-ban", "Xã Phiêng Ban", "Huyện Bắc Yên"),
    ];

    /// <summary>Collector arguments adding <see cref="Others"/> after the stack's own site (Sites:0).</summary>
    public static IEnumerable<string> CollectorArgs() => Others.SelectMany((site, i) => new[]
    {
        $"--Sites:{i + 1}:Id={site.Id}",
        $"--Sites:{i + 1}:Name={site.Name}",
        $"--Sites:{i + 1}:District={site.District}",
    });
}

using System.Globalization;
using System.Text;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// The report as commune staff read it: a title, one line per check (status, id, what it means), the hint under every
/// check that is not OK, and a summary line. ANSI colours only on a terminal.
/// </summary>
public static class SelfCheckTextReport
{
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31;1m";
    private const string Reset = "\u001b[0m";

    public static string Format(SelfCheckReport report, string siteName, string language, bool colour, long totalMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var local = VietnamTime.ToLocal(report.Time);
        text.AppendLine(SelfCheckTexts.Title.Format(report.Site, siteName, local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).In(language));
        var labelWidth = Enum.GetValues<CheckStatus>().Max(s => SelfCheckTexts.StatusLabel(s).In(language).Length) + 2;
        var idWidth = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Id.Length);
        foreach (var check in report.Checks)
        {
            var label = ("[" + SelfCheckTexts.StatusLabel(check.Status).In(language) + "]").PadRight(labelWidth);
            text.Append(colour ? Paint(check.Status) + label + Reset : label)
                .Append(' ').Append(check.Id.PadRight(idWidth)).Append("  ").AppendLine(check.Message.In(language));
            if (check.Status != CheckStatus.Ok && check.Hint.In(language).Length > 0)
            {
                text.Append(' ', labelWidth + 1 + idWidth + 2).Append("→ ").AppendLine(check.Hint.In(language));
            }
        }

        text.AppendLine();
        var summary = SelfCheckTexts.Summary.Format(report.Count(CheckStatus.Ok), report.Count(CheckStatus.Warn), report.Count(CheckStatus.Fail), totalMilliseconds).In(language);
        var verdict = report.Status switch
        {
            CheckStatus.Ok => SelfCheckTexts.AllGood,
            CheckStatus.Warn => SelfCheckTexts.SomeWarnings,
            _ => SelfCheckTexts.SomeFailures,
        };
        var line = summary + " " + verdict.In(language);
        text.AppendLine(colour ? Paint(report.Status) + line + Reset : line);
        return text.ToString();
    }

    private static string Paint(CheckStatus status) => status switch
    {
        CheckStatus.Ok => Green,
        CheckStatus.Warn => Yellow,
        _ => Red,
    };
}

using SonLa.Monitor.Agent.Uplink;
using SonLa.Monitor.Protocol.V1;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// A report as <c>selfcheck</c> points (PRODUCT.md: tags site, check; fields status 0/1/2, message), one per check, plus
/// the hint and the English texts, so province IT reads what commune staff read.
/// </summary>
public static class SelfCheckPoints
{
    public const string Measurement = "selfcheck";

    public static IReadOnlyList<Point> From(SelfCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Checks.Select(check =>
        {
            var point = Points.Create(Measurement, report.Time, ("site", report.Site), ("check", check.Id));
            point.Fields["status"] = Points.Int((int)check.Status);
            point.Fields["message"] = Points.Text(check.Message.Vi);
            point.Fields["hint"] = Points.Text(check.Hint.Vi);
            point.Fields["message_en"] = Points.Text(check.Message.En);
            point.Fields["hint_en"] = Points.Text(check.Hint.En);
            point.Fields["ms"] = Points.Int(check.Milliseconds);
            return point;
        }).ToList();
    }
}

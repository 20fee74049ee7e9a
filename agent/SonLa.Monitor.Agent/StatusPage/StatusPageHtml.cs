using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SonLa.Monitor.Agent.SelfCheck;

namespace SonLa.Monitor.Agent.StatusPage;

/// <summary>
/// The local status page: one Vietnamese HTML page, no external assets (the site may be offline), with the latest
/// self-check (devices included) and a button that runs a fresh one.
/// </summary>
public static class StatusPageHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(SelfCheckReport? report, string siteName, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="60"><title>Tình trạng trạm giám sát</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem;color:#222}
            h1{font-size:1.4rem} table{border-collapse:collapse;width:100%} td{padding:.5rem;border-bottom:1px solid #ddd;vertical-align:top}
            .ok{background:#e6f4ea;color:#137333;font-weight:bold} .warn{background:#fef7e0;color:#b06000;font-weight:bold}
            .fail{background:#fce8e6;color:#c5221f;font-weight:bold} .hint{color:#555;font-size:.95rem} .summary{font-size:1.1rem;margin:1rem 0}
            button{font-size:1rem;padding:.5rem 1rem}
            </style></head><body>
            """);
        html.Append("<h1>Tình trạng trạm giám sát: ").Append(Encode(siteName)).Append("</h1>");
        if (report is null)
        {
            html.Append("<p class=\"summary\">Chưa có kết quả tự kiểm tra. Bấm nút bên dưới để kiểm tra ngay.</p>");
        }
        else
        {
            var local = VietnamTime.ToLocal(report.Time).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);
            var minutes = Math.Max(0, (int)(now - report.Time).TotalMinutes);
            html.Append("<p>Lần kiểm tra gần nhất: ").Append(local).Append(" (giờ Việt Nam, ")
                .Append(minutes.ToString(CultureInfo.InvariantCulture)).Append(" phút trước).</p>");
            var verdict = report.Status switch
            {
                CheckStatus.Ok => SelfCheckTexts.AllGood,
                CheckStatus.Warn => SelfCheckTexts.SomeWarnings,
                _ => SelfCheckTexts.SomeFailures,
            };
            html.Append("<p class=\"summary ").Append(SelfCheckJson.StatusName(report.Status)).Append("\">").Append(Encode(verdict.Vi)).Append("</p><table>");
            foreach (var check in report.Checks.OrderByDescending(c => c.Status))
            {
                html.Append("<tr><td class=\"").Append(SelfCheckJson.StatusName(check.Status)).Append("\">")
                    .Append(Encode(SelfCheckTexts.StatusLabel(check.Status).Vi)).Append("</td><td>")
                    .Append(Encode(check.Message.Vi));
                if (check.Hint.Vi.Length > 0)
                {
                    html.Append("<div class=\"hint\">→ ").Append(Encode(check.Hint.Vi)).Append("</div>");
                }

                html.Append("</td><td><code>").Append(Encode(check.Id)).Append("</code></td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("""
            <form method="post" action="/selfcheck"><p><button type="submit">Kiểm tra ngay</button></p></form>
            <p class="hint">Trang này chạy ngay trên máy của xã, không cần mạng tới tỉnh. Nếu có dòng LỖI mà không tự xử lý được, gọi cán bộ CNTT của tỉnh.</p>
            </body></html>
            """);
        return html.ToString();
    }

    private static string Encode(string text) => Encoder.Encode(text);
}

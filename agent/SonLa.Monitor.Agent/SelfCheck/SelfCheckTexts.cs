using System.Reflection;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// Every sentence the self-check can say, in plain Vietnamese for commune staff and in English. Hints say what to do
/// or whom to call; none ever holds a secret. Tests review the whole list (<see cref="All"/>).
/// </summary>
public static partial class SelfCheckTexts
{
    private const string CallProvince = "gọi cán bộ CNTT của tỉnh";

    public static readonly LocalizedText StatusOk = new("OK", "OK");
    public static readonly LocalizedText StatusWarn = new("CẢNH BÁO", "WARN");
    public static readonly LocalizedText StatusFail = new("LỖI", "FAIL");

    public static readonly LocalizedText Title = new("Tự kiểm tra trạm {0} ({1}) lúc {2}", "Self-check of site {0} ({1}) at {2}");
    public static readonly LocalizedText Summary = new("Tổng kết: {0} đạt, {1} cảnh báo, {2} lỗi ({3} ms).", "Summary: {0} OK, {1} warnings, {2} failures ({3} ms).");
    public static readonly LocalizedText AllGood = new("Mọi thứ đều bình thường.", "Everything is fine.");
    public static readonly LocalizedText SomeWarnings = new("Có cảnh báo: xem các dòng CẢNH BÁO ở trên.", "There are warnings: see the WARN lines above.");
    public static readonly LocalizedText SomeFailures = new("Có lỗi: làm theo hướng dẫn ở các dòng LỖI; nếu không tự xử lý được, " + CallProvince + ".",
        "There are failures: follow the advice under the FAIL lines; if you cannot fix them, call the province IT staff.");

    public static readonly LocalizedText TimedOut = new("Việc kiểm tra không xong trong {0} giây.", "The check did not finish within {0} s.");
    public static readonly LocalizedText TimedOutHint = new("Chạy lại lệnh kiểm tra; nếu lặp lại, " + CallProvince + ".", "Run the self-check again; if it repeats, call the province IT staff.");
    public static readonly LocalizedText Crashed = new("Việc kiểm tra gặp lỗi bất ngờ: {0}: {1}", "The check failed unexpectedly: {0}: {1}");
    public static readonly LocalizedText CrashedHint = new("Chụp lại dòng này và " + CallProvince + ".", "Send this line to the province IT staff.");

    // config
    public static readonly LocalizedText ConfigOk = new("Cấu hình hợp lệ; dịch vụ sonla-agent đang chạy (ghi dữ liệu {0} giây trước).",
        "Configuration valid; the sonla-agent service is running (it wrote data {0} s ago).");
    public static readonly LocalizedText ConfigOkInAgent = new("Cấu hình hợp lệ; dịch vụ sonla-agent đang chạy.", "Configuration valid; the sonla-agent service is running.");
    public static readonly LocalizedText ConfigInvalid = new("Tệp cấu hình có lỗi: {0}", "The configuration has errors: {0}");
    public static readonly LocalizedText ConfigInvalidHint = new(CallProvince[..1].ToUpperInvariant() + CallProvince[1..] + " và đọc cho họ dòng lỗi này.",
        "Call the province IT staff and read them this error line.");
    public static readonly LocalizedText AgentStopped = new("Cấu hình hợp lệ nhưng dịch vụ sonla-agent có vẻ không chạy: không ghi dữ liệu nào trong {0} phút.",
        "Configuration valid, but the sonla-agent service seems stopped: it wrote nothing for {0} min.");
    public static readonly LocalizedText AgentNeverRan = new("Cấu hình hợp lệ nhưng dịch vụ sonla-agent chưa từng chạy với cấu hình này (thư mục hàng đợi trống).",
        "Configuration valid, but the sonla-agent service never ran with it (the outbox folder is empty).");
    public static readonly LocalizedText AgentStoppedHint = new("Khởi động lại máy (hoặc chạy: systemctl restart sonla-agent); nếu vẫn vậy, " + CallProvince + ".",
        "Restart the computer (or run: systemctl restart sonla-agent); if it persists, call the province IT staff.");

    // gateway
    public static readonly LocalizedText GatewayOk = new("Cổng mạng mặc định {0} trả lời ping ({1:0.#} ms).", "Default gateway {0} answers ping ({1:0.#} ms).");
    public static readonly LocalizedText GatewayNoRoute = new("Máy này không có cổng mạng mặc định (không có đường ra mạng ngoài).",
        "This computer has no default gateway (no way out of the local network).");
    public static readonly LocalizedText GatewayNoRouteHint = new("Kiểm tra dây mạng của máy và bộ định tuyến (router) có điện; khởi động lại router; nếu vẫn lỗi, " + CallProvince + ".",
        "Check the computer's network cable and that the router has power; restart the router; if it persists, call the province IT staff.");
    public static readonly LocalizedText GatewayNoAnswer = new("Cổng mạng mặc định {0} không trả lời ping.", "Default gateway {0} does not answer ping.");
    public static readonly LocalizedText GatewayNoAnswerHint = new("Kiểm tra router có điện, đèn sáng và dây mạng cắm chặt; khởi động lại router.",
        "Check that the router has power, its lights are on and the cables are plugged in; restart the router.");
    public static readonly LocalizedText PingUnavailable = new("Không gửi được ping từ máy này: {0}", "Cannot send ping from this computer: {0}");
    public static readonly LocalizedText PingUnavailableHint = new("Chạy lệnh với quyền quản trị (root) hoặc " + CallProvince + " để cho phép ping (net.ipv4.ping_group_range).",
        "Run it as root, or ask the province IT staff to allow ping (net.ipv4.ping_group_range).");

    // dns
    public static readonly LocalizedText DnsOk = new("Phân giải được tên miền của {0} máy chủ ({1} ms).", "Resolved the names of {0} servers ({1} ms).");
    public static readonly LocalizedText DnsNothing = new("Không có tên miền nào cần phân giải (cấu hình chỉ dùng địa chỉ IP).", "No name to resolve (the configuration uses IP addresses only).");
    public static readonly LocalizedText DnsFail = new("Không phân giải được tên miền: {0}.", "Cannot resolve: {0}.");
    public static readonly LocalizedText DnsPartial = new("Phân giải được {0} tên, không phân giải được: {1}.", "Resolved {0} names; cannot resolve: {1}.");
    public static readonly LocalizedText DnsHint = new("Kiểm tra đường truyền Internet; nếu mọi trang web đều không vào được, báo nhà mạng; nếu chỉ tên này lỗi, " + CallProvince + ".",
        "Check the Internet link; if no web site opens, call the provider; if only this name fails, call the province IT staff.");

    // Computed on use: partial files' static fields have no defined initialisation order between them.
    public static IReadOnlyList<(string Name, LocalizedText Text)> All => typeof(SelfCheckTexts)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(LocalizedText))
        .Select(f => (f.Name, (LocalizedText)f.GetValue(null)!))
        .ToList();

    public static LocalizedText StatusLabel(CheckStatus status) => status switch
    {
        CheckStatus.Ok => StatusOk,
        CheckStatus.Warn => StatusWarn,
        _ => StatusFail,
    };
}

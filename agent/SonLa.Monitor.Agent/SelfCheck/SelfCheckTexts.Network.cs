namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>Texts of the service, collector, clock and disk checks.</summary>
public static partial class SelfCheckTexts
{
    public static readonly LocalizedText ServiceOk = new("{0} truy cập được qua HTTPS ({1} ms, HTTP {2}; chứng chỉ còn hạn {3} ngày).",
        "{0} is reachable over HTTPS ({1} ms, HTTP {2}; certificate valid for {3} more days).");
    public static readonly LocalizedText ServiceCertificateInvalid = new("{0}: chứng chỉ HTTPS không hợp lệ ({1}).", "{0}: the HTTPS certificate is not valid ({1}).");
    public static readonly LocalizedText ServiceCertificateInvalidHint = new(
        "Không nhập mật khẩu vào trang này. Kiểm tra ngày giờ của máy; nếu ngày giờ đúng, gọi cán bộ CNTT của tỉnh (chứng chỉ tự ký, hết hạn hoặc trang bị giả mạo).",
        "Do not type passwords into this site. Check the computer's date and time; if they are right, call the province IT staff (self-signed, expired or spoofed certificate).");
    public static readonly LocalizedText ServiceCertificateExpiring = new("{0}: chứng chỉ HTTPS hết hạn sau {1} ngày (ngày {2}).",
        "{0}: the HTTPS certificate expires in {1} days (on {2}).");
    public static readonly LocalizedText ServiceCertificateExpiringHint = new("Báo cán bộ CNTT của tỉnh để đơn vị quản lý dịch vụ gia hạn chứng chỉ.",
        "Tell the province IT staff so that the service's operator renews its certificate.");
    public static readonly LocalizedText ServiceUnreachable = new("Không truy cập được {0}: {1}.", "Cannot reach {0}: {1}.");
    public static readonly LocalizedText ServiceUnreachableHint = new(
        "Nếu các dịch vụ khác vẫn vào được, dịch vụ này đang gặp sự cố: báo cán bộ CNTT của tỉnh; nếu không vào được gì, kiểm tra đường truyền.",
        "If other services work, this one has a problem: tell the province IT staff; if nothing works, check the Internet link.");
    public static readonly LocalizedText ServiceHttpError = new("{0} trả lời lỗi HTTP {1} ({2} ms).", "{0} answers with HTTP error {1} ({2} ms).");
    public static readonly LocalizedText ServiceHttpErrorHint = new("Máy chủ của dịch vụ đang lỗi, không phải do mạng của xã; báo cán bộ CNTT của tỉnh nếu kéo dài.",
        "The service's server has a problem, not the commune's network; tell the province IT staff if it lasts.");

    public static readonly LocalizedText CollectorOk = new("Kết nối được tới máy chủ giám sát của tỉnh ({0}, {1} ms); dữ liệu chờ gửi: {2}.",
        "The province monitoring server is reachable ({0}, {1} ms); data waiting to be sent: {2}.");
    public static readonly LocalizedText CollectorBacklog = new("Kết nối được tới máy chủ giám sát của tỉnh ({0}, {1} ms) nhưng dữ liệu còn chờ gửi: {2}.",
        "The province monitoring server is reachable ({0}, {1} ms) but data is still waiting: {2}.");
    public static readonly LocalizedText CollectorBacklogHint = new("Dữ liệu đang được gửi dần; nếu vẫn còn sau vài giờ, gọi cán bộ CNTT của tỉnh.",
        "The backlog is being sent; if it is still there in a few hours, call the province IT staff.");
    public static readonly LocalizedText CollectorDown = new("Không kết nối được tới máy chủ giám sát của tỉnh ({0}: {1}); dữ liệu chờ gửi: {2}.",
        "Cannot reach the province monitoring server ({0}: {1}); data waiting to be sent: {2}.");
    public static readonly LocalizedText CollectorDownHint = new(
        "Dữ liệu vẫn được lưu trên máy này và sẽ tự gửi khi có mạng. Nếu các trang web khác vào được mà lỗi này kéo dài quá một ngày, gọi cán bộ CNTT của tỉnh.",
        "Data is kept on this computer and is sent by itself when the link returns. If web sites work but this lasts more than a day, call the province IT staff.");
    public static readonly LocalizedText CollectorNotConfigured = new("Chưa cấu hình máy chủ giám sát (Collector:Url).", "No monitoring server configured (Collector:Url).");
    public static readonly LocalizedText BacklogNone = new("không có", "none");
    public static readonly LocalizedText BacklogSome = new("{0} trong {1} tệp, cũ nhất từ {2} trước", "{0} in {1} files, the oldest from {2} ago");
    public static readonly LocalizedText Minutes = new("{0:0} phút", "{0:0} min");
    public static readonly LocalizedText Hours = new("{0:0.#} giờ", "{0:0.#} h");
    public static readonly LocalizedText Days = new("{0:0.#} ngày", "{0:0.#} days");

    public static readonly LocalizedText ClockOk = new("Đồng hồ của máy lệch {0:0.###} giây so với máy chủ giờ {1}.", "The clock is {0:0.###} s off the time server {1}.");
    public static readonly LocalizedText ClockSkewed = new("Đồng hồ của máy lệch {0:0.#} giây so với máy chủ giờ {1}.", "The clock is {0:0.#} s off the time server {1}.");
    public static readonly LocalizedText ClockSkewedHint = new("Bật đồng bộ giờ tự động (NTP) hoặc chỉnh lại giờ của máy.", "Turn on automatic time (NTP) or set the clock right.");
    public static readonly LocalizedText ClockWrong = new(
        "Đồng hồ của máy lệch {0:0} giây so với máy chủ giờ {1}: kết nối bảo mật (TLS) và chữ ký số sẽ bị lỗi.",
        "The clock is {0:0} s off the time server {1}: TLS and digital signatures fail.");
    public static readonly LocalizedText ClockWrongHint = new("Chỉnh lại ngày giờ của máy và bật đồng bộ giờ tự động; nếu không làm được, gọi cán bộ CNTT của tỉnh.",
        "Set the date and time right and turn on automatic time; if you cannot, call the province IT staff.");
    public static readonly LocalizedText ClockNoServers = new("Chưa cấu hình máy chủ giờ (SelfCheck:NtpServers) nên không kiểm tra được đồng hồ.",
        "No time server configured (SelfCheck:NtpServers): the clock cannot be checked.");
    public static readonly LocalizedText ClockNoServersHint = new("Báo cán bộ CNTT của tỉnh thêm máy chủ giờ vào agent.json.", "Ask the province IT staff to add a time server to agent.json.");
    public static readonly LocalizedText ClockNoAnswer = new("Không máy chủ giờ nào trả lời ({0}).", "No time server answers ({0}).");
    public static readonly LocalizedText ClockNoAnswerHint = new("Kiểm tra đường truyền; nếu mạng vẫn tốt, máy chủ giờ có thể bị chặn: báo cán bộ CNTT của tỉnh.",
        "Check the Internet link; if it works, the time server may be blocked: tell the province IT staff.");

    public static readonly LocalizedText DiskOk = new("Còn trống {0} trên ổ chứa dữ liệu chờ gửi ({1}).", "{0} free on the disk of the outbox ({1}).");
    public static readonly LocalizedText DiskLow = new("Ổ đĩa sắp đầy: chỉ còn {0} trống ({1}), ít hơn hạn mức hàng đợi {2}.",
        "The disk is nearly full: only {0} free ({1}), less than the outbox quota {2}.");
    public static readonly LocalizedText DiskLowHint = new("Xóa bớt tệp không cần (tệp tải về, video) hoặc gọi cán bộ CNTT của tỉnh.",
        "Delete files you do not need (downloads, videos) or call the province IT staff.");
    public static readonly LocalizedText DiskFull = new("Ổ đĩa gần hết chỗ: chỉ còn {0} trống ({1}); dữ liệu giám sát sẽ bị mất khi mất mạng.",
        "The disk is almost full: only {0} free ({1}); monitoring data will be lost during an outage.");
    public static readonly LocalizedText DiskUnreadable = new("Không đọc được dung lượng ổ đĩa của {0}: {1}", "Cannot read the free space of {0}: {1}");
    public static readonly LocalizedText DiskUnreadableHint = new("Gọi cán bộ CNTT của tỉnh và đọc cho họ dòng này.", "Call the province IT staff and read them this line.");
}

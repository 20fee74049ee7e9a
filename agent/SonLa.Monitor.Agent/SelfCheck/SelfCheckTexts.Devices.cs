namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>Texts of the SNMP checks: device, uplink and UPS.</summary>
public static partial class SelfCheckTexts
{
    private const string CallProvinceToCheck = "Gọi cán bộ CNTT của tỉnh kiểm tra ";

    public static readonly LocalizedText DeviceOk = new("Thiết bị {0} ({1}) trả lời SNMP sau {2:0} ms.", "Device {0} ({1}) answers SNMP in {2:0} ms.");
    public static readonly LocalizedText DeviceTimeout = new(
        "Thiết bị {0} ({1}) không trả lời: thiết bị tắt, sai địa chỉ hoặc sai community (SNMP không phân biệt được ba trường hợp này).",
        "Device {0} ({1}) gives no answer: the device is off, the address is wrong or the community is wrong (SNMP cannot tell these apart).");
    public static readonly LocalizedText DeviceTimeoutHint = new(
        "Kiểm tra thiết bị có điện và đèn mạng sáng; nếu thiết bị vẫn chạy, gọi cán bộ CNTT của tỉnh kiểm tra địa chỉ và community ({2}).",
        "Check that the device has power and its network lights are on; if it runs, ask the province IT staff to check its address and community ({2}).");
    public static readonly LocalizedText DeviceTimeoutV3 = new("Thiết bị {0} ({1}) không trả lời SNMPv3: thiết bị tắt hoặc sai địa chỉ.",
        "Device {0} ({1}) gives no SNMPv3 answer: the device is off or the address is wrong.");
    public static readonly LocalizedText DeviceTimeoutV3Hint = new(
        "Kiểm tra thiết bị có điện và đèn mạng sáng; nếu thiết bị vẫn chạy, gọi cán bộ CNTT của tỉnh kiểm tra địa chỉ ({2}:Host).",
        "Check that the device has power and its network lights are on; if it runs, ask the province IT staff to check its address ({2}:Host).");
    public static readonly LocalizedText DeviceUnknownUser = new("Thiết bị {0} không biết người dùng SNMPv3 '{1}'.", "Device {0} does not know the SNMPv3 user '{1}'.");
    public static readonly LocalizedText DeviceUnknownUserHint = new(CallProvinceToCheck + "tên người dùng SNMPv3 ({2}:User) trong agent.json và trên thiết bị.",
        "Ask the province IT staff to check the SNMPv3 user name ({2}:User) in agent.json and on the device.");
    public static readonly LocalizedText DeviceWrongAuth = new("Thiết bị {0} từ chối mật khẩu xác thực SNMPv3 (sai mật khẩu xác thực).",
        "Device {0} rejects the SNMPv3 authentication passphrase (wrong authentication passphrase).");
    public static readonly LocalizedText DeviceWrongAuthHint = new(CallProvinceToCheck + "mật khẩu xác thực ({2}:AuthPassphrase, AuthProtocol) trong agent.json.",
        "Ask the province IT staff to check the authentication passphrase ({2}:AuthPassphrase, AuthProtocol) in agent.json.");
    public static readonly LocalizedText DeviceWrongPriv = new("Thiết bị {0} không giải mã được yêu cầu SNMPv3 (sai mật khẩu mã hóa; mật khẩu xác thực đúng).",
        "Device {0} cannot decrypt the SNMPv3 request (wrong privacy passphrase; the authentication passphrase is right).");
    public static readonly LocalizedText DeviceWrongPrivHint = new(CallProvinceToCheck + "mật khẩu mã hóa ({2}:PrivPassphrase, PrivProtocol) trong agent.json.",
        "Ask the province IT staff to check the privacy passphrase ({2}:PrivPassphrase, PrivProtocol) in agent.json.");
    public static readonly LocalizedText DeviceUsmOther = new("Thiết bị {0} từ chối yêu cầu SNMPv3 ({1}).", "Device {0} refuses the SNMPv3 request ({1}).");
    public static readonly LocalizedText DeviceUsmOtherHint = new(CallProvinceToCheck + "cấu hình SNMPv3 ({2}: User, Level, Context, mật khẩu).",
        "Ask the province IT staff to check the SNMPv3 settings ({2}: User, Level, Context, passphrases).");
    public static readonly LocalizedText DeviceErrorStatus = new("Thiết bị {0} trả lời SNMP với lỗi {1}.", "Device {0} answers SNMP with error {1}.");
    public static readonly LocalizedText DeviceErrorStatusHint = new(CallProvinceToCheck + "quyền đọc SNMP trên thiết bị ({2}).",
        "Ask the province IT staff to check the device's SNMP read access ({2}).");
    public static readonly LocalizedText DeviceNetworkError = new("Không gửi được yêu cầu tới thiết bị {0} ({1}): {2}", "Cannot send to device {0} ({1}): {2}");
    public static readonly LocalizedText DeviceNetworkErrorHint = new("Kiểm tra dây mạng; nếu vẫn lỗi, gọi cán bộ CNTT của tỉnh kiểm tra địa chỉ thiết bị ({2}:Host).",
        "Check the network cables; if it persists, ask the province IT staff to check the device address ({2}:Host).");

    public static readonly LocalizedText UplinkOk = new("Đường truyền qua {0} hoạt động: {1} cổng đang bật đều có liên kết, lỗi {2:0.##}/giây.",
        "The uplink through {0} works: all {1} enabled interfaces are up, {2:0.##} errors/s.");
    public static readonly LocalizedText UplinkDown = new("Cổng {1} của {0} đang bật nhưng mất liên kết.", "Interface {1} of {0} is enabled but down.");
    public static readonly LocalizedText UplinkDownHint = new(
        "Kiểm tra dây cáp/cáp quang và modem của nhà mạng; nếu đèn tín hiệu tắt hoặc đỏ, gọi tổng đài nhà mạng (VNPT, Viettel...).",
        "Check the cable or fibre and the provider's modem; if its signal light is off or red, call the provider's help line.");
    public static readonly LocalizedText UplinkErrors = new("Cổng {1} của {0} có nhiều lỗi truyền ({2:0.#} lỗi/giây).", "Interface {1} of {0} has many transmission errors ({2:0.#} errors/s).");
    public static readonly LocalizedText UplinkErrorsHint = new("Đường truyền kém: kiểm tra dây cáp và đầu nối; nếu kéo dài, báo nhà mạng.",
        "Poor line: check the cable and connectors; if it lasts, tell the provider.");
    public static readonly LocalizedText UplinkNoData = new("Không đọc được trạng thái cổng mạng của {0}: thiết bị không trả lời.", "Cannot read the interfaces of {0}: the device does not answer.");
    public static readonly LocalizedText SeeDeviceHint = new("Xem kết quả kiểm tra device:{0} ở trên.", "See the device:{0} check above.");
    public static readonly LocalizedText UplinkNoInterfaces = new("Thiết bị {0} không báo cổng mạng nào đang bật.", "Device {0} reports no enabled interface.");
    public static readonly LocalizedText UplinkNoInterfacesHint = new(CallProvinceToCheck + "cấu hình cổng của thiết bị.", "Ask the province IT staff to check the device's interfaces.");

    public static readonly LocalizedText UpsOk = new("Bộ lưu điện {0} đang dùng điện lưới (pin {1}).", "UPS {0} runs on mains power (battery {1}).");
    public static readonly LocalizedText UpsOnBattery = new("Bộ lưu điện {0} đang chạy bằng pin: mất điện lưới (pin {1}, còn khoảng {2} phút).",
        "UPS {0} runs on battery: mains power lost (battery {1}, about {2} min left).");
    public static readonly LocalizedText UpsOnBatteryHint = new("Kiểm tra điện lưới và cầu dao; lưu công việc và chuẩn bị tắt máy nếu điện chưa có lại.",
        "Check the mains power and the breaker; save your work and get ready to shut down if power does not return.");
    public static readonly LocalizedText UpsBatteryLow = new("Pin bộ lưu điện {0} yếu (pin {1}).", "The battery of UPS {0} is low (battery {1}).");
    public static readonly LocalizedText UpsBatteryLowHint = new("Lưu công việc và tắt máy tính ngay; nếu pin yếu cả khi có điện lưới, báo cán bộ CNTT của tỉnh thay pin.",
        "Save your work and shut the computer down now; if the battery is low even on mains, ask the province IT staff for a new battery.");
    public static readonly LocalizedText UpsNoData = new("Không đọc được trạng thái bộ lưu điện {0}.", "Cannot read the state of UPS {0}.");
    public static readonly LocalizedText Unknown = new("không rõ", "unknown");
}

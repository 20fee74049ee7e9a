namespace SonLa.Monitor.Protocol.Compact;

/// <summary>
/// Strings every batch of the product contract repeats (measurement, tag and field names): format version 1 knows them,
/// so a batch never sends them. They are string indexes 0..Count-1; a batch's own strings follow. Part of the format:
/// never reorder or change; a longer list needs a new format version.
/// </summary>
internal static class StaticStrings
{
    public static readonly string[] Values =
    [
        "",
        "interface", "device", "ping", "ups", "event", "selfcheck", "agent",
        "site", "if_index", "if_name", "target", "check", "kind",
        "in_octets", "out_octets", "in_bps", "out_bps", "in_errors", "out_errors", "in_discards", "out_discards",
        "oper_status", "admin_status", "speed_bps", "if_alias", "counter_reset",
        "reachable", "response_ms", "uptime_s", "rtt_ms", "loss_percent",
        "on_battery", "battery_percent", "runtime_min", "output_load_percent",
        "status", "message", "version", "outbox_bytes", "outbox_oldest_s",
    ];
}

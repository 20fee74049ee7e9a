namespace SonLa.Monitor.Collector.Alerts.Outages;

public enum SeriesKind
{
    /// <summary><c>ups.on_battery</c> (1 on battery).</summary>
    OnBattery,

    /// <summary><c>device.reachable</c> (1 answering).</summary>
    Reachable,

    /// <summary><c>interface.oper_status</c> where admin_status is up (1 up, 2 down, 7 lowerLayerDown...).</summary>
    OperStatus,
}

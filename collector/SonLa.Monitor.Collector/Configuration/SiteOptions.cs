namespace SonLa.Monitor.Collector.Configuration;

/// <summary>One site of the inventory, e.g. { "Id": "chieng-coi", "Name": "Xã Chiềng Cơi", "District": "Thuận Châu" }.</summary>
public sealed class SiteOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The district (huyện/khu vực) the site belongs to: alerts can be routed per district and the UI groups by it.</summary>
    public string? District { get; set; }
}

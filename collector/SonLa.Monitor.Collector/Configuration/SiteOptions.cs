namespace SonLa.Monitor.Collector.Configuration;

/// <summary>One site of the inventory, e.g. { "Id": "chieng-coi", "Name": "Xã Chiềng Cơi" }.</summary>
public sealed class SiteOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}

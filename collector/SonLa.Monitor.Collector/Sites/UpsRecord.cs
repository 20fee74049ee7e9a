namespace SonLa.Monitor.Collector.Sites;

/// <summary>What the board knows of a UPS: its newest <c>ups</c> point (and power events).</summary>
internal sealed class UpsRecord
{
    public bool? OnBattery { get; set; }

    public double? BatteryPercent { get; set; }

    public double? RuntimeMin { get; set; }

    public double? OutputLoadPercent { get; set; }

    public long Ns { get; set; }
}

namespace SonLa.Monitor.Collector.Sites;

/// <summary>The words of a site's <c>status</c> and <c>uplink</c> (docs/api.md).</summary>
public static class SiteStatus
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";
    public const string Down = "down";
    public const string Unknown = "unknown";

    public const string UplinkUp = "up";
    public const string UplinkDown = "down";
    public const string UplinkUnknown = "unknown";
}

namespace SonLa.Monitor.Collector.Api;

/// <summary>Log lines of <see cref="SelfCheckRequestEndpoints"/> (event ids 6300–6309).</summary>
internal static partial class SelfCheckRequestLog
{
    public const string Category = "SonLa.Monitor.Collector.Api.SelfCheck";

    [LoggerMessage(6300, LogLevel.Information, "Self-check of site {SiteId} requested by {User} (request {RequestId})")]
    public static partial void Requested(ILogger logger, string siteId, string user, string requestId);

    [LoggerMessage(6301, LogLevel.Information, "Self-check of site {SiteId} requested by {User} refused: the site's agent is not connected")]
    public static partial void NotConnected(ILogger logger, string siteId, string user);
}

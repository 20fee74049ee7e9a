namespace SonLa.Monitor.Collector.Alerts;

/// <summary>
/// <c>Alerts:Overrides:N</c>: settings for one site, or one device of a site, and one rule (or every rule when
/// <see cref="Rule"/> is empty). The most specific wins: site+device+rule, site+device, site+rule, site.
/// </summary>
public sealed class RuleOverride : RuleOptions
{
    public string? Site { get; set; }

    public string? Device { get; set; }

    public string? Rule { get; set; }
}

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>
/// How the outage history waits for a returning site's backlog and when the province roll-up speaks
/// (section <c>Alerts:Outages</c>). Times are shown in <see cref="TimeZone"/>, bound from <c>Alerts:TimeZone</c>.
/// </summary>
public sealed class OutageOptions
{
    public const string SectionName = "Alerts:Outages";
    public const string TimeZoneKey = "Alerts:TimeZone";
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>The site-back message goes once no backlog batch has arrived for this long after the site came back.</summary>
    public int BackfillQuietSeconds { get; set; } = 20;

    /// <summary>...or at the latest this long after it came back (the message then says the timeline may be incomplete).</summary>
    public int BackfillMaxWaitSeconds { get; set; } = 900;

    /// <summary>A trap and a poll telling the same thing this close together are one timeline entry.</summary>
    public int DedupSeconds { get; set; } = 60;

    /// <summary>Backlog data this long before the site went silent still belongs to the outage (its cause often does).</summary>
    public int LeadSeconds { get; set; } = 300;

    /// <summary>A sample stands for the time this far either side of it (a little more than the usual 60 s poll).</summary>
    public int CoverageSeconds { get; set; } = 90;

    /// <summary>A stretch without any data this long inside an outage is shown as "no data" in the timeline.</summary>
    public int GapSeconds { get; set; } = 300;

    /// <summary>The roll-up speaks once this many sites are dark at once.</summary>
    public int RollupMinimumSites { get; set; } = 3;

    /// <summary>At most one roll-up this often.</summary>
    public int RollupIntervalSeconds { get; set; } = 300;

    /// <summary>How often the recorder checks for finished backlogs and the roll-up.</summary>
    public int TickSeconds { get; set; } = 2;

    /// <summary>Bound on the observations kept per returning site (a days-long backlog is sampled, not hoarded).</summary>
    public int MaxObservationsPerSite { get; set; } = 200_000;

    /// <summary>IANA time zone of the times in messages.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
}

namespace SonLa.Monitor.Collector.Alerts.Outages;

/// <summary>Why a site went dark, as its backlog tells it (stored lower-case in <c>alert_outage.class</c>).</summary>
public enum OutageClass
{
    /// <summary>No data at all from the dark period: monitoring was blind, the cause is unknown (not evidence of a link down).</summary>
    Blind,

    /// <summary>Power: a UPS went on battery (or a power_lost event) during the outage or just before it.</summary>
    Power,

    /// <summary>WAN: the agent kept measuring during the outage (its backlog covers it), so the site was alive but cut off.</summary>
    Wan,

    /// <summary>A local device failure explains it: the uplink device unreachable or rebooting, or the agent itself down.</summary>
    Device,
}

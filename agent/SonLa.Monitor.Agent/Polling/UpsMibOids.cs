using SonLa.Monitor.Snmp.Types;

namespace SonLa.Monitor.Agent.Polling;

/// <summary>
/// The UPS-MIB (RFC 1628, upsMIB = mib-2 33) objects polled for devices with <c>"Role": "ups"</c>: the battery group,
/// the output group's source and the output table's load, and the on-battery notification.
/// </summary>
public static class UpsMibOids
{
    /// <summary>unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4).</summary>
    public static readonly ObjectIdentifier UpsBatteryStatus = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.1.0");

    /// <summary>Seconds since the UPS switched to battery (or since its agent restarted, whichever is less); 0 on mains.</summary>
    public static readonly ObjectIdentifier UpsSecondsOnBattery = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.2.0");

    /// <summary>Minutes until the battery is depleted at the present load.</summary>
    public static readonly ObjectIdentifier UpsEstimatedMinutesRemaining = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.3.0");

    /// <summary>Battery charge, percent of full.</summary>
    public static readonly ObjectIdentifier UpsEstimatedChargeRemaining = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0");

    /// <summary>other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7).</summary>
    public static readonly ObjectIdentifier UpsOutputSource = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.1.0");

    /// <summary>How many rows upsOutputTable has, so the walk asks for no more repetitions than needed.</summary>
    public static readonly ObjectIdentifier UpsOutputNumLines = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.3.0");

    /// <summary>upsOutputEntry (upsOutputTable.1), indexed by upsOutputLineIndex.</summary>
    public static readonly ObjectIdentifier UpsOutputEntry = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.4.4.1");

    /// <summary>upsOutputEntry column: percent of the UPS's capacity used on that output line (above 100 when overloaded).</summary>
    public const uint UpsOutputPercentLoad = 5;

    /// <summary>upsTrapOnBattery as RFC 1628 defines it: { upsTraps 1 }, resent every minute while on battery.</summary>
    public static readonly ObjectIdentifier UpsTrapOnBattery = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.1");

    /// <summary>
    /// The same notification sent as an SNMPv1 trap (enterprise upsTraps, specific-trap 1) and translated by RFC 3584
    /// §3.1 into upsTraps.0.1: agents carrying an SMIv1 translation of the MIB send it in this form.
    /// </summary>
    public static readonly ObjectIdentifier UpsTrapOnBatteryV1 = ObjectIdentifier.Parse("1.3.6.1.2.1.33.2.0.1");

    public const int OutputSourceOther = 1;
    public const int OutputSourceBattery = 5;
    public const int OutputSourceMax = 7;
}

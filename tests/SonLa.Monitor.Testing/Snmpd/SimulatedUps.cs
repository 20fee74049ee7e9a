namespace SonLa.Monitor.Testing.Snmpd;

/// <summary>A simulated UPS, served to pollers as UPS-MIB (RFC 1628) rows; a null object is one the UPS lacks.</summary>
public sealed record SimulatedUps
{
    /// <summary>unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4).</summary>
    public int? BatteryStatus { get; init; } = 2;

    public int? SecondsOnBattery { get; init; }

    public int? EstimatedMinutesRemaining { get; init; } = 45;

    public int? EstimatedChargeRemaining { get; init; } = 100;

    /// <summary>other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7).</summary>
    public int? OutputSource { get; init; } = 3;

    /// <summary>upsOutputPercentLoad per output line (line index = position + 1); empty for a UPS without upsOutputTable.</summary>
    public IReadOnlyList<int> OutputPercentLoads { get; init; } = [23];

    /// <summary>On mains, charged.</summary>
    public static SimulatedUps OnMains { get; } = new() { SecondsOnBattery = 0 };

    /// <summary>On battery for <paramref name="seconds"/>, draining.</summary>
    public static SimulatedUps OnBattery(int seconds, int chargePercent = 87, int minutesRemaining = 31) => new()
    {
        BatteryStatus = 2,
        SecondsOnBattery = seconds,
        EstimatedChargeRemaining = chargePercent,
        EstimatedMinutesRemaining = minutesRemaining,
        OutputSource = 5,
    };
}

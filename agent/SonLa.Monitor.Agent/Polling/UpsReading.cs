namespace SonLa.Monitor.Agent.Polling;

/// <summary>What one poll read of a UPS's battery and output groups; each object is null where the UPS lacks it.</summary>
public sealed record UpsReading
{
    /// <summary>upsBatteryStatus: unknown(1), batteryNormal(2), batteryLow(3), batteryDepleted(4).</summary>
    public int? BatteryStatus { get; init; }

    public int? SecondsOnBattery { get; init; }

    public int? EstimatedMinutesRemaining { get; init; }

    public int? EstimatedChargeRemaining { get; init; }

    /// <summary>upsOutputSource: battery(5) is the one that matters here.</summary>
    public int? OutputSource { get; init; }

    /// <summary>The highest upsOutputPercentLoad over the output lines.</summary>
    public int? OutputPercentLoad { get; init; }

    /// <summary>What part of the UPS read failed (partial result); never holds a secret.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// On battery: upsOutputSource = battery(5); where the source is missing or other(1), upsSecondsOnBattery &gt; 0
    /// (the MIB says it is 0 on mains). Null when the UPS reports neither.
    /// </summary>
    public bool? OnBattery => OutputSource is { } source and not UpsMibOids.OutputSourceOther
        ? source == UpsMibOids.OutputSourceBattery
        : SecondsOnBattery is { } seconds ? seconds > 0 : null;
}

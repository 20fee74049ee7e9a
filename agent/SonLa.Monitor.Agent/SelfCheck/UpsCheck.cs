using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary><c>ups:NAME</c> for devices with <c>"Role": "ups"</c>: on battery is WARN, battery low or depleted is FAIL.</summary>
public static class UpsCheck
{
    /// <summary>upsBatteryStatus (RFC 1628): batteryLow(3), batteryDepleted(4).</summary>
    private const int BatteryLow = 3;
    private const int BatteryDepleted = 4;

    public static string IdOf(DeviceOptions device) => "ups:" + device?.Name;

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, DeviceOptions device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(device);
        var result = await DeviceReadings.PollAsync(context, device, context.Timeout * 0.8, cancellationToken);
        if (!result.Reachable || result.Ups is not { } ups || (ups.OnBattery is null && ups.BatteryStatus is null))
        {
            return CheckOutcome.Fail(SelfCheckTexts.UpsNoData.Format(device.Name), SelfCheckTexts.SeeDeviceHint.Format(device.Name));
        }

        var charge = ups.EstimatedChargeRemaining is { } percent ? percent + "%" : null;
        if (ups.BatteryStatus is BatteryLow or BatteryDepleted)
        {
            return CheckOutcome.Fail(SelfCheckTexts.UpsBatteryLow.Format(device.Name, charge ?? "-"), SelfCheckTexts.UpsBatteryLowHint);
        }

        if (ups.OnBattery == true)
        {
            var minutes = ups.EstimatedMinutesRemaining?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            return CheckOutcome.Warn(SelfCheckTexts.UpsOnBattery.Format(device.Name, charge ?? "-", minutes), SelfCheckTexts.UpsOnBatteryHint);
        }

        return CheckOutcome.Ok(SelfCheckTexts.UpsOk.Format(device.Name, charge ?? "-"));
    }
}

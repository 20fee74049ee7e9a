using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>
/// <c>uplink:NAME</c> for the device with <c>"Role": "uplink"</c>: every interface that is administratively up must be
/// operationally up (FAIL otherwise), and the error counters, read twice a moment apart, must not climb faster than
/// <see cref="ErrorsPerSecondWarning"/> (WARN).
/// </summary>
public static class UplinkCheck
{
    public const string Role = "uplink";

    /// <summary>In + out errors per second on one interface above which the line is called poor.</summary>
    public const double ErrorsPerSecondWarning = 1;

    private const int IfStatusUp = 1;

    public static bool IsUplink(DeviceOptions device) => string.Equals(device?.Role, Role, StringComparison.OrdinalIgnoreCase);

    public static string IdOf(DeviceOptions device) => "uplink:" + device?.Name;

    public static async Task<CheckOutcome> RunAsync(SelfCheckContext context, DeviceOptions device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(device);
        var budget = context.Timeout / 3;
        var first = await DeviceReadings.PollAsync(context, device, budget, cancellationToken);
        if (!first.Reachable)
        {
            return CheckOutcome.Fail(SelfCheckTexts.UplinkNoData.Format(device.Name), SelfCheckTexts.SeeDeviceHint.Format(device.Name));
        }

        var enabled = first.Interfaces.Where(i => i.AdminStatus == IfStatusUp).ToList();
        if (enabled.Count == 0)
        {
            return CheckOutcome.Warn(SelfCheckTexts.UplinkNoInterfaces.Format(device.Name), SelfCheckTexts.UplinkNoInterfacesHint);
        }

        if (enabled.FirstOrDefault(i => i.OperStatus != IfStatusUp) is { } down)
        {
            return CheckOutcome.Fail(SelfCheckTexts.UplinkDown.Format(device.Name, NameOf(down)), SelfCheckTexts.UplinkDownHint);
        }

        await Task.Delay(budget / 2, context.Time, cancellationToken);
        var second = await DeviceReadings.PollAsync(context, device, budget, cancellationToken);
        if (!second.Reachable)
        {
            return CheckOutcome.Fail(SelfCheckTexts.UplinkNoData.Format(device.Name), SelfCheckTexts.SeeDeviceHint.Format(device.Name));
        }

        var seconds = Math.Max(0.001, (second.Monotonic - first.Monotonic).TotalSeconds);
        var worst = (Interface: (InterfaceReading?)null, Rate: 0.0);
        foreach (var now in second.Interfaces)
        {
            if (enabled.FirstOrDefault(i => i.IfIndex == now.IfIndex) is not { } before)
            {
                continue;
            }

            var rate = (Delta(before.InErrors, now.InErrors) + Delta(before.OutErrors, now.OutErrors)) / seconds;
            if (rate > worst.Rate)
            {
                worst = (now, rate);
            }
        }

        return worst is { Interface: { } bad, Rate: > ErrorsPerSecondWarning }
            ? CheckOutcome.Warn(SelfCheckTexts.UplinkErrors.Format(device.Name, NameOf(bad), worst.Rate), SelfCheckTexts.UplinkErrorsHint)
            : CheckOutcome.Ok(SelfCheckTexts.UplinkOk.Format(device.Name, enabled.Count, worst.Rate));
    }

    private static string NameOf(InterfaceReading reading) =>
        reading.Name.Length > 0 ? reading.Name : reading.Description.Length > 0 ? reading.Description : "#" + reading.IfIndex;

    /// <summary>32-bit counters wrap; a device reboot in between makes the counter smaller: no rate then, not a spike.</summary>
    private static double Delta(uint? before, uint? now) =>
        before is { } b && now is { } n && n >= b ? n - b : 0;
}

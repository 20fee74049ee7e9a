using SonLa.Monitor.Agent.Configuration;
using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>Full polls (system group, interfaces, UPS-MIB) of one device, shortened to fit inside a check's timeout.</summary>
internal static class DeviceReadings
{
    public static Task<DevicePollResult> PollAsync(SelfCheckContext context, DeviceOptions device, TimeSpan budget, CancellationToken cancellationToken)
    {
        var poller = new DevicePoller(ShortenedCopy(device, budget, context.Timeout), context.Snmp, context.Time);
        return poller.PollAsync(cancellationToken);
    }

    private static DeviceOptions ShortenedCopy(DeviceOptions device, TimeSpan budget, TimeSpan checkTimeout) =>
        device.WithTiming(Math.Min(device.TimeoutSeconds, checkTimeout.TotalSeconds / 4), Math.Min(device.Retries, 1), budget.TotalSeconds);
}

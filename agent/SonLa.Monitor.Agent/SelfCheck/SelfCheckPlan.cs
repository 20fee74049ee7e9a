using SonLa.Monitor.Agent.Polling;

namespace SonLa.Monitor.Agent.SelfCheck;

/// <summary>Which checks a configuration calls for, in the order the report shows them.</summary>
public static class SelfCheckPlan
{
    public static IReadOnlyList<SelfCheckItem> For(SelfCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var items = new List<SelfCheckItem>
        {
            new(ConfigCheck.Id, ct => ConfigCheck.RunAsync(context, ct)),
            new(GatewayCheck.Id, ct => GatewayCheck.RunAsync(context, ct)),
        };
        foreach (var device in options.Devices)
        {
            items.Add(new(DeviceCheck.IdOf(device), ct => DeviceCheck.RunAsync(context, device, ct)));
        }

        foreach (var device in options.Devices.Where(UplinkCheck.IsUplink))
        {
            items.Add(new(UplinkCheck.IdOf(device), ct => UplinkCheck.RunAsync(context, device, ct)));
        }

        items.Add(new(DnsCheck.Id, ct => DnsCheck.RunAsync(context, ct)));
        foreach (var service in options.SelfCheck.Services)
        {
            items.Add(new(ServiceCheck.IdOf(service), ct => ServiceCheck.RunAsync(context, service, ct)));
        }

        items.Add(new(CollectorCheck.Id, ct => CollectorCheck.RunAsync(context, ct)));
        items.Add(new(ClockCheck.Id, ct => ClockCheck.RunAsync(context, ct)));
        items.Add(new(DiskCheck.Id, ct => DiskCheck.RunAsync(context, ct)));
        foreach (var device in options.Devices.Where(UpsMibReader.IsUps))
        {
            items.Add(new(UpsCheck.IdOf(device), ct => UpsCheck.RunAsync(context, device, ct)));
        }

        return items;
    }
}
